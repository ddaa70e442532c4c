using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// A shipped scenario's negotiation as its test pins it: status, its own round, the level agreed on
/// each issue (a tariff in percent, or a quota volume) and each party's gain in the scenario's unit.
/// </summary>
public sealed record PinnedNegotiation(string Id, string Status, int Round, double[]? Levels, Dictionary<string, double> Gain)
{
    /// <summary>Gains are pinned to 1e-9 of their size: the run and the replay sum the same values in other orders.</summary>
    private const double RelativeTolerance = 1e-9;

    public void ShouldBeIn(JsonNode outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var negotiation = outcome["negotiations"]!.AsArray().Single(n => n!["id"]!.GetValue<string>() == Id)!;
        negotiation["status"]!.GetValue<string>().Should().Be(Status, $"{Id}'s pinned status");
        negotiation["round"]!.GetValue<int>().Should().Be(Round, $"{Id}'s pinned round");
        ReplayComparison.AgreedLevels(negotiation).Should().Equal(Levels ?? [], $"{Id}'s pinned agreement");
        negotiation["gain"]!.AsObject().Select(p => p.Key).Should().BeEquivalentTo(Gain.Keys);
        foreach (var (party, gain) in Gain)
        {
            negotiation["gain"]![party]!.GetValue<double>().Should().BeApproximately(gain, RelativeTolerance * Math.Max(1, Math.Abs(gain)), $"{party}'s pinned gain in {Id}");
        }
    }

    public void ShouldBeIn(ReferenceRun.Result replay)
    {
        ArgumentNullException.ThrowIfNull(replay);
        var negotiation = replay.Negotiation(Id);
        negotiation.Status.Should().Be(Status, $"{Id}'s pinned status, replayed");
        negotiation.Round.Should().Be(Round, $"{Id}'s pinned round, replayed");
        (negotiation.AgreedLevels ?? []).Should().Equal(Levels ?? [], $"{Id}'s pinned agreement, replayed");
        foreach (var (party, gain) in Gain)
        {
            negotiation.Gain[party].Should().BeApproximately(gain, RelativeTolerance * Math.Max(1, Math.Abs(gain)), $"{party}'s pinned gain in {Id}, replayed");
        }
    }
}
