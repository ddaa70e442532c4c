using System.Globalization;
using Simulation.Model.Determinism;
using Simulation.Model.Inference;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Inference;

/// <summary>
/// Fast stand-ins for the engine, whose posteriors are known: an episode is one issue whose levels
/// are counts 0..n, and the simulator draws a count from the parameters with the proposal's own
/// generator (so it is a function of the proposal alone, as the real simulator is).
/// </summary>
internal static class ToyModels
{
    /// <summary>An agreed episode observed at level <paramref name="observed"/> of an issue with levels 0..<paramref name="n"/>.</summary>
    public static AbcTarget Count(int n, int observed) => new(
        new ObservedOutcome(NegotiationStatus.Agreed, [observed]),
        [new IssueAxis("count", IssueKind.Tariff, [.. Enumerable.Range(0, n + 1).Select(k => IssueLevel.ForTariff(k))])]);

    /// <summary>Binomial(n, θ₀): n trials, each a success with probability θ₀.</summary>
    public static AbcSimulator Binomial(int n) => (proposal, target, _) =>
    {
        var random = RandomFor(proposal, target);
        var successes = Enumerable.Range(0, n).Count(_ => random.NextDouble() < proposal.Values[0]);
        return Task.FromResult(new SimulatedOutcome(NegotiationStatus.Agreed, [successes]));
    };

    /// <summary>The level nearest 1000·(mean of <paramref name="used"/> parameters + N(0, 0.1²)), within 0..1000.</summary>
    public static AbcSimulator NoisyMean(params int[] used) => (proposal, target, _) =>
    {
        var random = RandomFor(proposal, target);
        var mean = used.Average(k => proposal.Values[k]);
        return Task.FromResult(new SimulatedOutcome(NegotiationStatus.Agreed, [NoisyLevel(mean, random)]));
    };

    public static int NoisyLevel(double mean, Random random)
    {
        var z = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Clamp(Math.Round(1000 * (mean + (0.1 * z))), 0, 1000);
    }

    private static Random RandomFor(Proposal proposal, int target) =>
        SeededRandom.For(17, "toy", proposal.Id, target.ToString(CultureInfo.InvariantCulture));
}
