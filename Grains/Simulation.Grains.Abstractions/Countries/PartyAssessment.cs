namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// What an outcome is worth to a party: normalised utility u, reservation r (DESIGN §4.2), and the
/// gain V over no deal in the scenario's unit. With a discount δ the utility of an agreement on the
/// offer made at turn m is u·δ^(m−1); the gain stays undiscounted (money once the deal is in force).
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.PartyAssessment")]
public sealed record PartyAssessment(
    [property: Id(0)] double Utility,
    [property: Id(1)] double Reservation,
    [property: Id(2)] double Gain);
