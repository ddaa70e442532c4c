namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// One negotiation of a run as a progress update shows it: its status (named as the outcome JSON
/// names it), its parties, the rounds it has played against its deadline, the standing offer (the
/// latest outcome put on the table, or the agreement) as tariffs, one text per issue, who made it and
/// each party's utility of it in party order, and the turns played since the previous update (every
/// turn so far in a snapshot from <see cref="IRunGrain.GetProgressAsync"/>), from which a watcher
/// draws concession curves.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationProgress")]
public sealed record NegotiationProgress(
    [property: Id(0)] string Negotiation,
    [property: Id(1)] string Status,
    [property: Id(2)] IReadOnlyList<string> Parties,
    [property: Id(3)] int RoundsPlayed,
    [property: Id(4)] int Deadline,
    [property: Id(5)] IReadOnlyList<string> StandingOffer,
    [property: Id(6)] string? OfferedBy,
    [property: Id(7)] IReadOnlyList<double> Utilities,
    [property: Id(8)] IReadOnlyList<TurnProgress> Turns);
