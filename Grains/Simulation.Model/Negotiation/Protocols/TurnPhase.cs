namespace Simulation.Model.Negotiation;

/// <summary>What a party is asked to do on its turn (DESIGN §4.3).</summary>
public enum TurnPhase
{
    /// <summary>Bargaining (alternating offers, SAOP): offer, accept the standing offer, or walk away.</summary>
    Bargain,

    /// <summary>Single text: vote for or veto the mediator's proposed change (<see cref="TurnContext.StandingOffer"/>) to the current text (<see cref="TurnContext.CurrentText"/>).</summary>
    Vote,

    /// <summary>Single text, at the end: accept or reject the final text (<see cref="TurnContext.StandingOffer"/>).</summary>
    Ratify,
}
