using Simulation.Model.Negotiation;
using System.Globalization;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// What the Orleans dashboard shows of a run's grains (their GetState): names, words and tariffs a
/// person reads, never level indices or enum numbers. The expected tariffs come from the outcome's
/// agreement entries (the outcome JSON's translation) and from the scenario file itself.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class DashboardStateTests(TwoSilos twoSilos)
{
    private const string ScenarioFile = "canada-indonesia.yaml";
    private readonly string scenarioText = File.ReadAllText(RepositoryPaths.Scenario(ScenarioFile));

    [Fact]
    public async Task After_a_run_the_run_negotiation_and_country_grains_show_words_names_and_tariffs()
    {
        var (runId, outcome) = await RunDriver.PlayAsync(twoSilos.Client, scenarioText, ScenarioFile, seed: 11);
        var negotiationOutcome = outcome.Negotiations.Single();
        negotiationOutcome.Status.Should().Be(NegotiationStatus.Agreed, "the tariffs shown are those of an agreement");
        var agreed = negotiationOutcome.Agreement!.Select(Tariff).ToList();

        var run = await twoSilos.Client.GetGrain<IRunGrain>(runId).GetState();
        run.RunId.Should().Be(runId);
        run.Scenario.Should().Be("Canada–Indonesia CEPA (stylised)", "the name in the file");
        run.Seed.Should().Be(11);
        run.Phase.Should().Be("completed");
        run.Round.Should().Be(outcome.RoundsPlayed);
        run.NegotiationStatus.Should().Equal(new Dictionary<string, string> { ["CAN-IDN"] = "agreed" });
        run.TariffChangesApplied.Should().Equal(agreed, "the agreement sets every line on the table, in the file's order");
        run.Events.Should().BeEmpty("the file has no events");
        run.Failure.Should().BeNull();

        var negotiation = await twoSilos.Client.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, "CAN-IDN")).GetState();
        negotiation.Status.Should().Be("agreed");
        negotiation.StandingOffer.Should().Be(string.Join("; ", agreed), "under alternating offers the agreement is the standing offer accepted");
        negotiation.History.Where(h => h.Contains(" offer ", StringComparison.Ordinal))
            .Should().NotBeEmpty().And.OnlyContain(h => h.Contains("IDN:CAN:", StringComparison.Ordinal) && h.Contains("CAN:IDN:", StringComparison.Ordinal));

        var canada = await twoSilos.Client.GetGrain<ICountryGrain>(RunIds.Country(runId, "CAN")).GetState();
        canada.Country.Should().Be("CAN");
        canada.Name.Should().Be("Canada", "the name in the file");
        canada.RunId.Should().Be(runId);
        canada.Objective.Should().Be(outcome.Countries.Single(c => c.Id == "CAN").Objective.Kind);
        canada.Negotiators.Select(n => (n.NegotiationId, n.Strategy)).Should().Equal([("CAN-IDN", "boulware")], "the file gives Canada boulware");
    }

    [Fact]
    public async Task A_run_that_was_never_started_shows_not_started_in_words()
    {
        var run = await twoSilos.Client.GetGrain<IRunGrain>("run-never-started").GetState();

        run.Phase.Should().Be("not started");
        run.Round.Should().Be(0);
        run.NegotiationStatus.Should().BeEmpty();
    }

    /// <summary>An agreement entry as the dashboard writes a tariff: importer:exporter:sector=percent.</summary>
    internal static string Tariff(OutcomeEntry entry) =>
        $"{entry.Importer}:{entry.Exporter}:{entry.Sector}={entry.Tariff!.Value.ToString(CultureInfo.InvariantCulture)}";
}
