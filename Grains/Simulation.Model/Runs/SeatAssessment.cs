namespace Simulation.Model.Runs;

/// <summary>
/// What an outcome is worth to a party at a negotiation: utility u (discounted by the turn of the
/// agreed offer), reservation r (DESIGN §4.2), and the gain V over no deal in the scenario's unit.
/// </summary>
public sealed record SeatAssessment(double Utility, double Reservation, double Gain);
