namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// The kind of a move in a message: the model's closed set of moves (offer, accept, reject, vote,
/// veto, walk away). The numbers are explicit so that adding a kind never renumbers the others on
/// the wire.
/// </summary>
[GenerateSerializer, Alias("tradesim.TurnMove")]
public enum TurnMove
{
    Offer = 0,
    Accept = 1,
    Reject = 3,
    Vote = 4,
    Veto = 5,
    WalkAway = 2,
}
