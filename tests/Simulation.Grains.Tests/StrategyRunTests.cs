using Simulation.Model.Negotiation;
using System.Globalization;
using Simulation.Model.Reporting;
using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// Every strategy runs from a scenario file through the grains (DESIGN §4.4), on the scenario where
/// AAA's seat at AC is repriced mid-negotiation when AB agrees (one-country-two-tables.yaml), gives
/// the same outcome on one silo and on two, and does at AB what the strategy must do. What it must
/// do is computed here from <see cref="ReferenceAnalysis"/>, which values every AB outcome by solving
/// the whole world (AB plays first in the base world: no other table has agreed before it ends).
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class StrategyRunTests(TwoSilos twoSilos, OneSilo oneSilo)
{
    private const string File = "one-country-two-tables.yaml";
    private const double Tolerance = 1e-9;
    private static readonly string Text = System.IO.File.ReadAllText(RepositoryPaths.TestScenario(File));

    [Theory]
    [InlineData("{ type: tit-for-tat, opponent_model: frequency }")]
    [InlineData("random")]
    [InlineData("backward-induction")]
    [InlineData("{ type: time-dependent, e: 0.5, acceptance: { type: constant, alpha: 0.6 }, opponent_model: perfect }")]
    [InlineData("{ type: conceder, opponent_model: none }")]
    public async Task A_strategy_plays_through_the_grains_and_is_deterministic(string strategy)
    {
        strategy = strategy.Replace("type: conceder", "type: time-dependent, e: 2", StringComparison.Ordinal);
        var text = WithStrategy(Text, "AAA", "A", strategy);

        var onTwo = await RunDriver.RunAsync(twoSilos.Client, text, File, seed: 3);
        var onOne = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 3);

        RunOutcomeJson.Serialize(onOne with { Timings = null }).Should().Be(RunOutcomeJson.Serialize(onTwo with { Timings = null }));
        onTwo.Negotiations.Should().HaveCount(2).And.OnlyContain(n => n.Status == NegotiationStatus.Agreed || n.Status == NegotiationStatus.Deadline);
        foreach (var negotiation in onTwo.Negotiations.Where(n => n.Status == NegotiationStatus.Agreed))
        {
            // No agreement leaves a party below its reservation (utilities are undiscounted here: δ = 1).
            foreach (var party in negotiation.Parties)
            {
                negotiation.Utility[party].Should().BeGreaterThanOrEqualTo(negotiation.Reservation[party] - 1e-12);
            }
        }
    }

    [Fact]
    public async Task Backward_induction_against_backward_induction_agrees_at_once_on_the_first_mover_s_best_outcome_the_other_accepts()
    {
        // AB with 2 rounds (4 turns, AAA first, δ = 1). At turn 4 BBB accepts anything worth its
        // reservation r_B, so at turn 3 AAA offers P* = its best outcome worth ≥ r_B to BBB. At turn 2
        // BBB can get no more than u_B(P*) from an offer AAA accepts (AAA accepts only what is worth
        // u_A(P*) to it, and on the frontier nothing worth that much to AAA is worth more to BBB), and
        // at turn 1 AAA offers P* itself, which BBB accepts (an indifferent responder accepts): the
        // subgame-perfect outcome is P*, agreed in round 1 (Ståhl 1972; with no discount the last
        // proposer takes all it can).
        var text = WithStrategy(WithStrategy(Text, "AAA", "A", "backward-induction"), "BBB", "B", "backward-induction")
            .Replace("    rounds: 6\n", "    rounds: 2\n", StringComparison.Ordinal);
        var reference = AbReference(text);
        var (rA, rB) = (reference.Reservations[0], reference.Reservations[1]);
        var best = reference.Outcomes.Where(p => p.Utilities[1] >= rB - Tolerance).MaxBy(p => p.Utilities[0])!;

        var ab = await PlayAb(text);

        ab.History.Select(t => (t.Party, t.Action)).Should().Equal(("AAA", MoveKind.Offer), ("BBB", MoveKind.Accept));
        (ab.Status, ab.Round).Should().Be((NegotiationStatus.Agreed, 1));
        TariffsOf(ab.Agreement!).Should().Equal(best.Tariffs);
        ab.Utility["AAA"].Should().BeApproximately(best.Utilities[0], Tolerance);
        ab.Utility["BBB"].Should().BeApproximately(best.Utilities[1], Tolerance);
        best.Utilities[0].Should().BeGreaterThanOrEqualTo(rA, "P* is individually rational for AAA too");
    }

    [Fact]
    public async Task Tit_for_tat_cuts_its_demand_by_the_ratio_of_the_opponent_s_last_concession()
    {
        // Faratin, Sierra & Jennings (1998) relative tit-for-tat in AAA's utility: τ_1 = 1; from AAA's
        // third offer on, with d = 1 − u_A(BBB's offer) over BBB's last two offers,
        // τ_k = r_A + (τ_{k−1} − r_A)·clamp(d_last/d_prev, 0, 1). With a perfect opponent model AAA bids,
        // among outcomes worth at least τ_k to it, the one best for BBB. BBB concedes (e = 2), so AAA must too.
        // A finer grid on AB (5 levels a line) and 12 rounds, so that BBB's concessions come in steps
        // small enough for AAA to answer with offers rather than accept at once.
        var text = WithStrategy(Text, "AAA", "A", "{ type: tit-for-tat, opponent_model: perfect }")
            .Replace("    rounds: 6\n", "    rounds: 12\n", StringComparison.Ordinal)
            .Replace("levels: [10, 5, 0] }\n      - { importer: BBB", "levels: [10, 7.5, 5, 2.5, 0] }\n      - { importer: BBB", StringComparison.Ordinal)
            .Replace("levels: [8, 4, 0] }", "levels: [8, 6, 4, 2, 0] }", StringComparison.Ordinal);
        var reference = AbReference(text);
        var rA = reference.Reservations[0];

        var ab = await PlayAb(text);

        var target = 1.0;
        var bbbOffers = new List<double>();
        var aaaOffers = 0;
        foreach (var turn in ab.History.Where(t => t.Action == MoveKind.Offer))
        {
            var offered = reference.Outcomes.Single(p => p.Tariffs.SequenceEqual(TariffsOf(turn.Offer!)));
            turn.Utility!["AAA"].Should().BeApproximately(offered.Utilities[0], Tolerance, "AB is valued in the base world");
            if (turn.Party == "BBB")
            {
                bbbOffers.Add(offered.Utilities[0]);
                continue;
            }

            if (bbbOffers.Count >= 2)
            {
                var (dPrev, dLast) = (1 - bbbOffers[^2], 1 - bbbOffers[^1]);
                target = rA + (target - rA) * (dPrev <= 0 ? 1 : Math.Clamp(dLast / dPrev, 0, 1));
            }

            var expected = reference.Outcomes.Where(p => p.Utilities[0] >= target - Tolerance).MaxBy(p => p.Utilities[1])!;
            TariffsOf(turn.Offer!).Should().Equal(expected.Tariffs, "AAA's offer {0} at τ = {1}", aaaOffers + 1, target);
            aaaOffers++;
        }

        aaaOffers.Should().BeGreaterThanOrEqualTo(3, "the mirror starts with AAA's third offer");
        target.Should().BeLessThan(1, "BBB conceded, so AAA's demand fell");
        ab.History.Where(t => t.Party == "AAA" && t.Action == MoveKind.Offer).Select(t => t.Utility!["AAA"]).Should()
            .BeInDescendingOrder().And.Contain(u => u < 1, "AAA's offers follow its falling demand");
    }

    [Fact]
    public async Task Random_bids_are_the_seeded_draws_worth_the_reservation()
    {
        // Each offer is drawn uniformly among the outcomes worth at least r_A (by rejection).
        var text = WithStrategy(Text, "AAA", "A", "random").Replace("    rounds: 6\n", "    rounds: 12\n", StringComparison.Ordinal);
        var reference = AbReference(text);
        var rA = reference.Reservations[0];
        var acceptable = reference.Outcomes.Where(p => p.Utilities[0] >= rA - Tolerance).ToList();

        var ab = await PlayAb(text);

        var offers = ab.History.Where(t => t.Party == "AAA" && t.Action == MoveKind.Offer).Select(t => TariffsOf(t.Offer!)).ToList();
        offers.Should().NotBeEmpty();
        foreach (var offer in offers)
        {
            acceptable.Should().Contain(p => p.Tariffs.SequenceEqual(offer), "every random bid is worth at least r_A = {0}", rA);
        }

        // Each bid is the first draw worth r_A from the generator of (run seed, table, party, turns
        // taken), drawn here independently: each issue's level uniform (Random.Next over its levels),
        // again until the outcome is worth at least r_A by brute force.
        var levels = new[] { new[] { 10.0, 5, 0 }, new[] { 8.0, 4, 0 } };
        foreach (var turn in ab.History.Where(t => t.Party == "AAA" && t.Action == MoveKind.Offer))
        {
            var random = new Random(SeededRandom.SeedOf(3, "AB", "AAA", (turn.Turn - 1).ToString(CultureInfo.InvariantCulture)));
            IReadOnlyList<double> drawn;
            do
            {
                drawn = [.. levels.Select(l => l[random.Next(l.Length)])];
            }
            while (!acceptable.Any(p => p.Tariffs.SequenceEqual(drawn)));

            TariffsOf(turn.Offer!).Should().Equal(drawn, "AAA's bid at turn {0}", turn.Turn);
        }

        // More than one acceptable outcome exists, and the draws do not all land on the same one.
        acceptable.Should().HaveCountGreaterThan(1);
        if (offers.Count >= 4)
        {
            offers.Select(o => string.Join(",", o)).Distinct().Should().HaveCountGreaterThan(1);
        }
    }

    private async Task<NegotiationOutcome> PlayAb(string text)
    {
        var outcome = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 3);
        return outcome.Negotiations.Single(n => n.Id == "AB");
    }

    private static string WithStrategy(string text, string country, string name, string strategy)
    {
        var line = text.Split('\n').Single(l => l.TrimStart().StartsWith(country + ": { name: " + name + ",", StringComparison.Ordinal));
        var changed = text.Replace(line, $"  {country}: {{ name: {name}, strategy: {strategy} }}", StringComparison.Ordinal);
        changed.Should().NotBe(text);
        return changed;
    }

    private static ReferenceAnalysis.Result AbReference(string text)
    {
        var scenario = ScenarioLoader.Parse(text, File);
        return ReferenceAnalysis.Of(scenario, scenario.Negotiation("AB"), World.FromScenario(scenario), null);
    }

    private static IReadOnlyList<double> TariffsOf(IReadOnlyList<OutcomeEntry> offer) => [.. offer.Select(e => e.Tariff!.Value)];
}
