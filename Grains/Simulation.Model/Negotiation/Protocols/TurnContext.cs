namespace Simulation.Model.Negotiation;

/// <summary>
/// What a party knows when it is its turn: how many turns have been taken out of how many, and the
/// standing offer with its author, if any.
/// </summary>
public sealed record TurnContext(int TurnsTaken, int TurnsAvailable, Outcome? StandingOffer, string? StandingOfferBy)
{
    /// <summary>
    /// Normalised time t = TurnsTaken / TurnsAvailable (DESIGN §4.4), in [0, 1) on any turn that can
    /// be played: the first turn sees t = 0, the last (TurnsAvailable − 1)/TurnsAvailable.
    /// </summary>
    public double Time
    {
        get
        {
            if (TurnsAvailable <= 0 || TurnsTaken < 0 || TurnsTaken > TurnsAvailable)
            {
                throw new InvalidOperationException($"No time for turn {TurnsTaken} of {TurnsAvailable}.");
            }

            return (double)TurnsTaken / TurnsAvailable;
        }
    }
}
