using BenchmarkDotNet.Attributes;
using Simulation.Model.Benchmarks;
using Simulation.Model.Negotiation;

namespace Simulation.Benchmarks;

/// <summary>
/// Frontier construction (DESIGN §4.5): the fold of W1's 1,000 outcomes for the two parties' true
/// values, as the analysis builds it, and for a negotiator's own value against its opponent model, as
/// its bids are chosen from. Built afresh each time: a frontier given again by the memo a batch uses
/// would measure a dictionary look-up.
/// </summary>
[MemoryDiagnoser]
public class FrontierBenchmarks
{
    private W1Space _w1 = null!;
    private AdditiveValueFunction[] _trueValues = null!;
    private AdditiveValueFunction[] _bidding = null!;

    [GlobalSetup]
    public void Setup()
    {
        _w1 = new W1Space(W1Workload.BoulwareVsConceder);
        _trueValues = [_w1.First.Preferences.Values, _w1.Second.Preferences.Values];
        _bidding = [_w1.First.Preferences.Values, .. _w1.First.Negotiator.OpponentModel.Estimates];
    }

    [Benchmark]
    public int W1FrontierOfTrueValues() => ParetoFrontier.Build(_w1.Space, _trueValues, ParetoFrontier.Resolution, ParetoFrontier.MaxExactPoints, ParetoFrontier.ExactMergeBudget).Count;

    [Benchmark]
    public int W1FrontierOfOwnValueAndEstimate() => ParetoFrontier.Build(_w1.Space, _bidding, ParetoFrontier.Resolution, ParetoFrontier.MaxExactPoints, ParetoFrontier.ExactMergeBudget).Count;
}
