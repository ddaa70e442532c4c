namespace Simulation.Grains.Abstractions.Countries;

/// <summary>The message form of the model's turn phase: what a party is asked to do (DESIGN §4.3).</summary>
[GenerateSerializer, Alias("tradesim.TurnStage")]
public enum TurnStage
{
    /// <summary>Offer, accept the standing offer, or walk away.</summary>
    Bargain = 0,

    /// <summary>Vote for or veto the mediator's proposed change to the single text.</summary>
    Vote = 1,

    /// <summary>Accept or reject the final single text.</summary>
    Ratify = 2,
}
