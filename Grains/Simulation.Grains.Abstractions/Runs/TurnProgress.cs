namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// One turn of a negotiation as watchers see it: the run round it was played in, the negotiation's
/// own round and turn, who moved and how (offer, accept, end), the outcome concerned as tariffs (one
/// text per issue; empty for a walk-away) and each party's utility of it in party order, in the world
/// its seat was priced in at that turn (the trace's values, DESIGN §6.4).
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.TurnProgress")]
public sealed record TurnProgress(
    [property: Id(0)] int RunRound,
    [property: Id(1)] int Round,
    [property: Id(2)] int Turn,
    [property: Id(3)] string Party,
    [property: Id(4)] string Action,
    [property: Id(5)] IReadOnlyList<string> Offer,
    [property: Id(6)] IReadOnlyList<double> Utilities);
