namespace Simulation.Model.Negotiation;

/// <summary>
/// The subgame-perfect equilibrium of the finite-horizon alternating-offers game over a discrete
/// set of outcomes with per-offer discounting (Ståhl 1972; Rubinstein 1982), by backward induction
/// over the turns (DESIGN §4.4). Party 0 proposes on odd turns, party 1 on even ones. An agreement
/// on the offer made at turn m is worth u_i·δ_i^(m−1); no agreement is worth r_i. An offer made on
/// the last turn T can never be accepted (the deadline falls before anyone could), so the offers that
/// can be accepted are those of turns 1 … T − 1.
/// </summary>
/// <remarks>
/// Values are kept in the units of the turn they belong to: V_i(m) is what the subgame starting with
/// the proposal of turn m is worth to i, divided by δ_i^(m−1). Then
/// V_i(T) = r_i/δ_i^(T−1) (the last proposal is refused; no deal), and for m &lt; T, with p the proposer
/// and q the responder: q accepts an offer x iff u_q(x) ≥ δ_q·V_q(m+1) (an indifferent responder
/// accepts); p offers, among outcomes q accepts, the one best for p (ties: best for q, then the
/// first listed) if that is worth at least δ_p·V_p(m+1) to p, and then V(m) = u(x); otherwise it
/// makes an offer q refuses and V_i(m) = δ_i·V_i(m+1). Work: O(T·n) for n outcomes.
/// Comparisons allow <see cref="Tolerance"/>: δ·V is a rounded product, and a responder exactly
/// indifferent in exact arithmetic (0.9 · 0.1 against 1 − 0.91) must still count as indifferent.
/// </remarks>
public static class BackwardInduction
{
    /// <summary>Utilities this close count as equal (they lie in [0, 1]; rounding errors are ~1e-16).</summary>
    public const double Tolerance = 1e-12;

    /// <param name="u0">Utility of each outcome to the party proposing at turn 1.</param>
    /// <param name="u1">Utility of each outcome to the other party.</param>
    /// <param name="delta0">δ of the first proposer, in (0, 1].</param>
    /// <param name="delta1">δ of the other, in (0, 1].</param>
    /// <param name="turns">T ≥ 1: the turns available.</param>
    /// <param name="r0">Reservation (no-deal utility) of the first proposer.</param>
    /// <param name="r1">Reservation of the other.</param>
    public static BackwardInductionPlan Solve(
        IReadOnlyList<double> u0, IReadOnlyList<double> u1, double delta0, double delta1, int turns, double r0 = 0, double r1 = 0)
    {
        ArgumentNullException.ThrowIfNull(u0);
        ArgumentNullException.ThrowIfNull(u1);
        if (u0.Count != u1.Count || u0.Count == 0)
        {
            throw new ArgumentException("Both parties value the same, non-empty list of outcomes.", nameof(u1));
        }

        NegotiationView.CheckDiscount(delta0);
        NegotiationView.CheckDiscount(delta1);
        ArgumentOutOfRangeException.ThrowIfLessThan(turns, 1);
        var u = new[] { u0, u1 };
        var delta = new[] { delta0, delta1 };
        var values = new double[turns + 1][];
        var offers = new int[turns + 1];
        values[turns] = [Local(r0, delta0, turns), Local(r1, delta1, turns)];
        offers[turns] = -1;
        for (var m = turns - 1; m >= 1; m--)
        {
            var p = (m - 1) % 2;
            var q = 1 - p;
            var threshold = delta[q] * values[m + 1][q];
            var best = -1;
            for (var k = 0; k < u0.Count; k++)
            {
                if (u[q][k] >= threshold - Tolerance
                    && (best < 0 || u[p][k] > u[p][best] || (u[p][k] == u[p][best] && u[q][k] > u[q][best])))
                {
                    best = k;
                }
            }

            if (best >= 0 && u[p][best] >= delta[p] * values[m + 1][p] - Tolerance)
            {
                values[m] = [u0[best], u1[best]];
                offers[m] = best;
            }
            else
            {
                values[m] = [delta0 * values[m + 1][0], delta1 * values[m + 1][1]];
                offers[m] = -1;
            }
        }

        return new BackwardInductionPlan(turns, [delta0, delta1], values, offers);
    }

    /// <summary>r/δ^(m−1), a no-deal worth r in the units of turn m; 0 stays 0 however far the horizon.</summary>
    private static double Local(double r, double delta, int m) =>
        r == 0 || delta == 1 ? r : r / Math.Pow(delta, m - 1);
}
