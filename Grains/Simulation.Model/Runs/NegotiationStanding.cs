using Simulation.Model.Negotiation;
using Simulation.Model.Runs.Journal;

namespace Simulation.Model.Runs;

/// <summary>
/// One negotiation as its run's events leave it (<see cref="RunStanding"/>): its status, its parties,
/// the rounds it has played against its deadline (its own rounds), the standing offer (the latest
/// outcome put on the table, or the agreement) as tariffs, one text per issue, who made it and each
/// party's utility of it in party order, and every turn so far.
/// </summary>
public sealed record NegotiationStanding(
    string Negotiation,
    NegotiationStatus Status,
    IReadOnlyList<string> Parties,
    int RoundsPlayed,
    int Deadline,
    IReadOnlyList<string> StandingOffer,
    string? OfferedBy,
    IReadOnlyList<double> Utilities,
    IReadOnlyList<TurnTaken> Turns)
{
    /// <summary>Whether the negotiation has ended (one never opened ends with the run, still not started).</summary>
    public bool Concluded { get; init; }

    /// <summary>Each party's utility of <paramref name="turn"/>'s outcome, in party order; none without an outcome.</summary>
    public IReadOnlyList<double> UtilitiesOf(TurnTaken turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        return turn.Utility is { } utility ? [.. Parties.Select(p => utility[p])] : [];
    }
}
