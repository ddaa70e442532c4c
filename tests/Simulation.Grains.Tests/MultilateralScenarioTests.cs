using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// The shipped Canada–ASEAN table (four parties, ten tariff lines) under both multilateral
/// protocols, through the grains, checked against what the protocols guarantee and against a
/// brute-force analysis that values every one of its 3^10 = 59,049 outcomes by solving the whole
/// world (<see cref="ReferenceAnalysis"/>), independently of the negotiators and the frontier.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class MultilateralScenarioTests(OneSilo oneSilo, SpreadOverTwoSilos spread)
{
    [Fact]
    public async Task Under_stacked_alternating_offers_the_four_reach_the_deadline_with_no_deal_each_left_at_its_reservation()
    {
        const string File = "canada-asean.yaml";
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));
        var scenario = ScenarioLoader.Parse(text, File);

        var outcome = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 42);

        // The independent replay reaches the same deadline move by move (CanadaScenarioPinTests): each
        // round Canada offers, Indonesia counters with its own best-for-the-worst-off bid, which the
        // Philippines and Malaysia accept, and the round ends before Canada can.
        var negotiation = outcome.Negotiations.Single();
        negotiation.Status.Should().Be(NegotiationStatus.Deadline);
        negotiation.Round.Should().Be(60, "the 60 rounds ran out");
        negotiation.Agreement.Should().BeNull();

        // Brute force over all outcomes, every one valued by whole-world solves: with no deal each
        // party is at its reservation (the utility of no deal) and gains nothing; Malaysia, duty-free
        // in Canada under the CPTPP, can only lose (r = 1).
        var (tariffs, utilities, _, reservations) = EveryOutcome(scenario);
        negotiation.Reservation["MYS"].Should().Be(1);
        foreach (var (party, i) in negotiation.Parties.Select((p, i) => (p, i)))
        {
            negotiation.Reservation[party].Should().BeApproximately(reservations[i], 1e-9);
            negotiation.Utility[party].Should().BeApproximately(reservations[i], 1e-9);
            negotiation.Gain[party].Should().Be(0);
        }

        // The analysis's Nash point is the brute-force one (max Π(u − r) over outcomes all four accept,
        // Malaysia, who cannot gain, left out of the product as NegotiationAnalysis does): the deal
        // that spares Malaysia's apparel and tyres.
        var rational = Enumerable.Range(0, tariffs.Count).Where(o => utilities[o].Zip(reservations).All(x => x.First >= x.Second)).ToList();
        double Product(int o) => Enumerable.Range(0, 4).Where(i => reservations[i] < 1).Aggregate(1.0, (product, i) => product * (utilities[o][i] - reservations[i]));
        var nash = rational.MaxBy(Product);
        tariffs[nash].Should().Equal(0, 0, 0, 15, 0, 9, 18, 18, 7, 0);
        negotiation.Analysis.Nash!.Outcome.Select(e => e.Tariff!.Value).Should().Equal(tariffs[nash]);
    }

    /// <summary>Every outcome's tariffs, normalised utilities, gains and the reservations, from whole-world solves (DESIGN §4.2).</summary>
    private static (List<double[]> Tariffs, List<double[]> Utilities, List<double[]> Gains, double[] Reservations) EveryOutcome(Scenario scenario)
    {
        var negotiation = scenario.Negotiations.Single();
        var model = scenario.Model;
        var world = World.FromScenario(scenario);
        var parties = negotiation.Parties.Select(scenario.Country).ToList();
        var now = world.Solve(model);
        var issues = negotiation.Issues.Cast<TariffIssueSpec>().ToList();
        List<double[]> tariffs = [[]];
        foreach (var issue in issues)
        {
            tariffs = [.. tariffs.SelectMany(prefix => issue.Levels.Select(level => (double[])[.. prefix, level]))];
        }

        var gains = tariffs.Select(t =>
        {
            var after = world.With(issues.Select((issue, i) => new TariffChange(new TariffLine(issue.Importer, issue.Exporter, issue.Sector), t[i]))).Solve(model);
            return parties.Select(c => Objective(c, after) - Objective(c, now)).ToArray();
        }).ToList();
        var min = Enumerable.Range(0, parties.Count).Select(i => gains.Min(g => g[i])).ToArray();
        var max = Enumerable.Range(0, parties.Count).Select(i => gains.Max(g => g[i])).ToArray();
        var utilities = gains.Select(g => g.Select((v, i) => (v - min[i]) / (max[i] - min[i])).ToArray()).ToList();
        var reservations = Enumerable.Range(0, parties.Count).Select(i => Math.Clamp(-min[i] / (max[i] - min[i]), 0, 1)).ToArray();
        return (tariffs, utilities, gains, reservations);
    }

    private static double Objective(Country country, IReadOnlyList<SectorSolution> solutions) =>
        CountryMeasures.For(country, solutions).ValueOf(country.Objective);

    [Fact]
    public async Task Under_the_single_text_every_party_ends_at_least_as_well_off_as_with_no_deal_wherever_the_grains_run()
    {
        // A change passes only if no party's utility falls (each vetoes what lowers it), and the text
        // starts at the status quo, worth each party its reservation (the utility of no deal): so the
        // final text is worth at least r to every party, whatever the mediator's order.
        const string File = "canada-asean-single-text.yaml";
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));

        var outcome = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 42);

        var negotiation = outcome.Negotiations.Single();
        negotiation.Status.Should().Be(NegotiationStatus.Agreed);
        negotiation.Agreement!.Select(e => e.Tariff!.Value).Should().NotEqual([5, 5, 10, 15, 10, 18, 18, 18, 7, 7], "the text moved from the status quo");
        foreach (var party in negotiation.Parties)
        {
            negotiation.Utility[party].Should().BeGreaterThanOrEqualTo(negotiation.Reservation[party] - 1e-12);
            negotiation.Gain[party].Should().BeGreaterThanOrEqualTo(-1e-9);
        }

        // The same scenario and seed give the same outcome with the grains spread over two silos.
        var spreadOutcome = await RunDriver.RunAsync(spread.Client, text, File, seed: 42);
        RunOutcomeJson.Serialize(spreadOutcome).Should().Be(RunOutcomeJson.Serialize(outcome));
    }
}
