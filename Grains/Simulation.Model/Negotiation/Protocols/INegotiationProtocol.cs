using System.Collections.Immutable;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A negotiation protocol (DESIGN §2 "Seams", §4.3): a pure state machine that says who moves
/// next, what that party knows, which moves are legal, and where the negotiation stands. It checks
/// and records moves and leaves deciding to the negotiators (<see cref="INegotiator"/>); the round
/// loop that asks the parties is <see cref="NegotiationRounds"/>, written once for every protocol.
/// Protocols are found by name in <see cref="Protocols"/>.
/// </summary>
public interface INegotiationProtocol
{
    /// <summary>Its name in scenario files and the outcome JSON, e.g. <c>alternating-offers</c>.</summary>
    string Name { get; }

    string NegotiationId { get; }

    /// <summary>The parties, in the order the scenario gives them.</summary>
    ImmutableArray<string> Parties { get; }

    /// <summary>The deadline, in rounds.</summary>
    int Rounds { get; }

    NegotiationStatus Status { get; }

    bool IsActive { get; }

    /// <summary>
    /// While active, the 1-based round of the next turn; once ended, the round it ended in (for a
    /// termination, the round under way).
    /// </summary>
    int Round { get; }

    /// <summary>Turns played so far (every move of every party).</summary>
    int TurnsTaken { get; }

    /// <summary>Turns the deadline allows; normalised time is turns taken over this (DESIGN §4.4).</summary>
    int TurnsAvailable { get; }

    /// <summary>Whose turn it is (while active; after the end, who would have been next).</summary>
    string NextParty { get; }

    /// <summary>The outcome put to the next party: the standing offer, or a mediator's proposal or final text.</summary>
    Outcome? StandingOffer { get; }

    /// <summary>Who put <see cref="StandingOffer"/> there: a party, or <c>mediator</c>.</summary>
    string? StandingOfferBy { get; }

    Outcome? Agreement { get; }

    /// <summary>The round in which the agreement was reached.</summary>
    int? AgreementRound { get; }

    /// <summary>Every turn played, oldest first.</summary>
    IReadOnlyList<TurnRecord> History { get; }

    /// <summary>What <paramref name="party"/> knows for its decision, with the moves made since its own last turn.</summary>
    /// <exception cref="InvalidOperationException"><paramref name="party"/> is not a party.</exception>
    TurnContext ContextFor(string party);

    /// <summary>Plays <paramref name="party"/>'s move.</summary>
    /// <exception cref="InvalidOperationException">
    /// The move is illegal: the negotiation is over, it is not this party's turn, or the move is not
    /// one the current phase allows (e.g. accepting one's own offer, or with no offer on the table).
    /// Nothing changes.
    /// </exception>
    void Apply(string party, NegotiationAction action);

    /// <summary>
    /// Ends the negotiation from outside (an event, DESIGN §5.1). Does nothing if it has already
    /// ended: an agreement or a deadline stands.
    /// </summary>
    void Terminate();
}
