using BenchmarkDotNet.Attributes;
using Simulation.Model.Benchmarks;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Benchmarks;

/// <summary>
/// The W1 round loop (DESIGN §7), for both pairs: a whole negotiation played by the run engine and
/// folded into its outcome, as <c>batch --engine local</c> plays each run; and the protocol's rounds
/// alone between two fresh seats, without the engine's events and outcome.
/// </summary>
[MemoryDiagnoser]
public class W1RoundLoopBenchmarks
{
    private W1Space _w1 = null!;
    private long _seed;

    [ParamsSource(nameof(PairNames))]
    public string Pair { get; set; } = W1Workload.BoulwareVsConceder.Name;

    public static IEnumerable<string> PairNames => W1Workload.Pairs.Select(p => p.Name);

    [GlobalSetup]
    public void Setup() => _w1 = new W1Space(W1Workload.Pairs.Single(p => p.Name == Pair));

    [Benchmark]
    public async Task<int> WholeNegotiationThroughTheEngine()
    {
        var outcome = await InProcessRun.OutcomeAsync(_w1.Scenario, _w1.Text, "w1.yaml", _seed++);
        return outcome.Negotiations[0].Round;
    }

    [Benchmark]
    public async Task<int> ProtocolRoundsBetweenTwoSeats()
    {
        var seats = new Dictionary<string, NegotiationSeat>(StringComparer.Ordinal)
        {
            [W1Workload.First] = NegotiationSeat.Take(_w1.Scenario, _w1.Negotiation, W1Workload.First, _w1.World),
            [W1Workload.Second] = NegotiationSeat.Take(_w1.Scenario, _w1.Negotiation, W1Workload.Second, _w1.World),
        };
        var seed = _seed++;
        var table = NegotiationTable.Open(seats[W1Workload.First].Agenda, seed);
        await NegotiationRounds.PlayToEndAsync(table.Protocol, (party, turn) => ValueTask.FromResult(seats[party].Decide(seed, turn)));
        return table.Protocol.TurnsTaken;
    }
}
