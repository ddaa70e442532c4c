using BenchmarkDotNet.Attributes;
using Simulation.Model.Benchmarks;
using Simulation.Model.Determinism;
using Simulation.Model.Negotiation;

namespace Simulation.Benchmarks;

/// <summary>
/// Bidding (DESIGN §4.4): the best worst-off outcome worth at least a target, from a W1 negotiator's
/// candidates, at targets across the concession range; and a whole decision of a turn (learning,
/// bidding, acceptance) with the generator made only on a tie.
/// </summary>
[MemoryDiagnoser]
public class BiddingBenchmarks
{
    private static readonly double[] Targets = [1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3];

    private BidSelector _selector = null!;
    private DeferredRandom _random = null!;

    [GlobalSetup]
    public void Setup()
    {
        var w1 = new W1Space(W1Workload.BoulwareVsConceder);
        _selector = w1.First.Negotiator.Selector;
        _random = new DeferredRandom(new Random(1));
    }

    /// <summary>Eight bids, one per target.</summary>
    [Benchmark(OperationsPerInvoke = 8)]
    public int TargetUtilityLookup()
    {
        var sum = 0;
        foreach (var target in Targets)
        {
            sum += _selector.Bid(target, _random)[0];
        }

        return sum;
    }
}
