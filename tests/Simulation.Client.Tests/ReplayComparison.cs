using System.Globalization;
using System.Text.Json.Nodes;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>Compares the outcome JSON of `tradesim run` with the independent <see cref="ReferenceRun"/> replay of the same scenario and seed.</summary>
public static class ReplayComparison
{
    public static void ShouldMatchReplay(this JsonNode outcome, ReferenceRun.Result expected)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(expected);
        outcome["rounds_played"]!.GetValue<int>().Should().Be(expected.RoundsPlayed, "the replay's rounds");
        outcome["events"]!.AsArray().Select(e => (e!["round"]!.GetValue<int>(), e["type"]!.GetValue<string>()))
            .Should().Equal(expected.Events.Select(e => (e.Round, e.Type)), "the replay's events, in the order applied");
        var negotiations = outcome["negotiations"]!.AsArray().Select(n => n!).ToList();
        negotiations.Select(n => n["id"]!.GetValue<string>()).Should().Equal(expected.Negotiations.Select(n => n.Id));
        foreach (var negotiation in negotiations)
        {
            var id = negotiation["id"]!.GetValue<string>();
            var reference = expected.Negotiation(id);
            negotiation["status"]!.GetValue<string>().Should().Be(reference.Status, $"the replay's status of {id}");
            negotiation["round"]!.GetValue<int>().Should().Be(reference.Round, $"the replay's round of {id}");
            AgreedLevels(negotiation).Should().Equal(reference.AgreedLevels ?? [], $"the replay's agreement in {id}");
            foreach (var party in reference.Gain.Keys)
            {
                // The replay sums its values in another order than the model: equal to rounding.
                negotiation["gain"]![party]!.GetValue<double>().Should().BeApproximately(reference.Gain[party], 1e-9 * Math.Max(1, Math.Abs(reference.Gain[party])), $"{party}'s gain in {id}");
                negotiation["utility"]![party]!.GetValue<double>().Should().BeApproximately(reference.Utility[party], 1e-9, $"{party}'s utility in {id}");
                negotiation["reservation"]![party]!.GetValue<double>().Should().BeApproximately(reference.Reservation[party], 1e-9, $"{party}'s reservation in {id}");
            }
        }
    }

    /// <summary>
    /// Compares the run's <c>--trace</c> CSV with the replay's moves: for every negotiation, turn by
    /// turn, the round, the party, the action and the levels of the outcome it concerns (tariff
    /// issues only: the offer field is read as `LINE=TARIFF; …`).
    /// </summary>
    public static void ShouldMatchReplayMoves(this string traceCsv, Scenario scenario, ReferenceRun.Result expected)
    {
        ArgumentNullException.ThrowIfNull(traceCsv);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(expected);
        var rows = Rfc4180.Parse(traceCsv).Skip(1).ToList();
        foreach (var negotiation in scenario.Negotiations)
        {
            var issues = negotiation.Issues.Cast<TariffIssueSpec>().ToList();
            var traced = rows.Where(r => r[1] == negotiation.Id)
                .Select(r => $"{r[2]}/{r[3]} {r[4]} {r[5]} {string.Join(" ", r[6].Split("; ", StringSplitOptions.RemoveEmptyEntries).Select(p => p[(p.LastIndexOf('=') + 1)..]))}".TrimEnd())
                .ToList();
            var replayed = expected.Moves[negotiation.Id]
                .Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Round}/{m.Turn} {m.Party} {m.Action} {(m.Outcome is null ? "" : string.Join(" ", m.Outcome.Select((level, i) => issues[i].Levels[level].ToString("R", CultureInfo.InvariantCulture))))}").TrimEnd())
                .ToList();
            traced.Should().Equal(replayed, $"the replay's moves in {negotiation.Id}");
        }
    }

    /// <summary>Per issue, the tariff agreed or, for a quota issue, the volume; empty without an agreement.</summary>
    public static IReadOnlyList<double> AgreedLevels(JsonNode negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return negotiation["agreement"] is JsonArray agreement
            ? [.. agreement.Select(a => (a!["quota"] ?? a["tariff"])!.GetValue<double>())]
            : [];
    }
}
