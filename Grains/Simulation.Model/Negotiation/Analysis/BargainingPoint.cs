namespace Simulation.Model.Negotiation;

/// <summary>
/// An outcome with what it is worth to each party, in the order the parties were given: the
/// normalised utility u (DESIGN §4.2) and the gain V over no deal in the scenario's unit.
/// </summary>
public sealed record BargainingPoint(Outcome Outcome, IReadOnlyList<double> Utilities, IReadOnlyList<double> Gains)
{
    /// <summary>Σ_i u_i, summed in party order from 0.0 (the same order everywhere, so equal sums compare equal).</summary>
    public double UtilitySum
    {
        get
        {
            var sum = 0.0;
            foreach (var u in Utilities)
            {
                sum += u;
            }

            return sum;
        }
    }
}
