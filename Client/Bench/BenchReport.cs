namespace Simulation.Client.Bench;

/// <summary>
/// What `tradesim bench --format json` prints, in the outcome's conventions (snake_case, nulls left
/// out, so a part not measured is absent): W1 in process and through grains, and the world benchmark.
/// </summary>
public sealed record BenchReport(W1Report? W1, IReadOnlyList<WorldFigure>? World);

/// <summary>Workload W1 (DESIGN §7), both strategy pairs together.</summary>
public sealed record W1Report(W1LocalFigures? Local, W1GrainsFigures? Grains);

/// <summary>W1 played by the in-process engine, as `batch --engine local` plays it, one run at a time.</summary>
/// <param name="NegotiationsPerSecond">W1 runs (one negotiation each) finished per second.</param>
/// <param name="MicrosecondsPerTurn">Wall time per turn (an offer or an acceptance), run overheads included.</param>
/// <param name="BytesAllocatedPerNegotiation">Bytes the process allocated per run, on every thread.</param>
public sealed record W1LocalFigures(double NegotiationsPerSecond, double MicrosecondsPerTurn, double BytesAllocatedPerNegotiation);

/// <summary>W1 played on an embedded silo, every turn a grain message, beside the rate of empty grain calls on that silo.</summary>
/// <param name="TurnCostRatio">Wall time per turn through grains divided by the time of one empty grain call.</param>
public sealed record W1GrainsFigures(double NegotiationsPerSecond, double EmptyCallsPerSecond, double TurnCostRatio);

/// <summary>One synthetic world played once by one engine.</summary>
/// <param name="Countries">Countries besides the rest of the world.</param>
/// <param name="Engine"><c>local</c> or <c>grains</c>.</param>
/// <param name="Negotiations">Bilateral negotiations in the world, N(N − 1)/2.</param>
/// <param name="Seconds">Wall time of the run, from its scenario text to its outcome.</param>
/// <param name="PeakMemoryMb">Highest working set of the process during the run (sampled every 10 ms), in MiB.</param>
/// <param name="MicrosecondsPerNegotiationRound">Wall time divided by the rounds the negotiations played, summed over them.</param>
public sealed record WorldFigure(int Countries, string Engine, int Negotiations, double Seconds, double PeakMemoryMb, double MicrosecondsPerNegotiationRound);
