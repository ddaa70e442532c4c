using System.Text.Json.Nodes;
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

    /// <summary>Per issue, the tariff agreed or, for a quota issue, the volume; empty without an agreement.</summary>
    public static IReadOnlyList<double> AgreedLevels(JsonNode negotiation)
    {
        ArgumentNullException.ThrowIfNull(negotiation);
        return negotiation["agreement"] is JsonArray agreement
            ? [.. agreement.Select(a => (a!["quota"] ?? a["tariff"])!.GetValue<double>())]
            : [];
    }
}
