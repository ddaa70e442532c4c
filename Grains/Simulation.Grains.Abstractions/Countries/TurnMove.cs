namespace Simulation.Grains.Abstractions.Countries;

[GenerateSerializer]
public enum TurnMove
{
    Offer,
    Accept,
    WalkAway,
}
