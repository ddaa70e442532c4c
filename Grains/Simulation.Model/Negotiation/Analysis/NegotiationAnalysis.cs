using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// The bargaining analysis of one negotiation (DESIGN §4.5), over its outcome space and the parties'
/// true preferences in the world it ended in: the Pareto frontier of their utilities, the Nash
/// point, the Kalai–Smorodinsky point, the outcome of maximum social welfare, and how far the
/// settlement (the agreement, or no deal) lies from the frontier and from the Nash point.
/// </summary>
/// <remarks>
/// <para>
/// Definitions, with u_i the normalised utility, r_i the reservation and IR the individually
/// rational outcomes (u_i ≥ r_i for every i):
/// Nash (Nash 1950, "The bargaining problem", disagreement point d = r): the IR outcome maximising
/// Π_i (u_i − r_i) over the parties that can gain (ideal_i &gt; r_i; a party that cannot gain is at
/// u_i = r_i on every IR outcome, and its factor would make every product 0).
/// Kalai–Smorodinsky (Kalai &amp; Smorodinsky 1975, "Other solutions to Nash's bargaining problem"):
/// with ideal_i = max u_i over IR, the IR outcome maximising min_i (u_i − r_i)/(ideal_i − r_i)
/// (a party with ideal_i = r_i counts 1: it has all it can have). This is the discrete form of the
/// point where the line from d to the ideal point leaves the feasible set; GENIUS instead takes the
/// frontier point nearest the diagonal u_1 = u_2, which ignores d and the ideal point.
/// Maximum social welfare: the outcome maximising Σ_i u_i over all outcomes.
/// Ties, in every case, go to the larger Σ_i u_i, then to the lower outcome (level order), so the
/// result is deterministic and never depends on the order points are found in.
/// </para>
/// <para>
/// Why searching the frontier suffices. Each criterion, extended by its tie-breaks, is a score
/// that no Pareto improvement lowers and that a strict one raises: Σ u_i is strictly increasing
/// in every u_i; on IR outcomes every factor u_i − r_i ≥ 0, so the product is non-decreasing in
/// every u_i, and so is the minimum of increasing ratios. Suppose a best outcome p (score, then sum)
/// were strictly dominated by some q. Then q is IR whenever p is (u_i(q) ≥ u_i(p) ≥ r_i), its score
/// is at least p's and its sum strictly larger: q would beat p, a contradiction. So every best
/// outcome is Pareto-optimal, and the exact frontier holds every outcome no other strictly
/// dominates, ties included; the lowest best outcome is therefore on it too. The same argument
/// (score u_i, then sum) puts an outcome attaining ideal_i on the frontier, and shows the frontier
/// has an IR point whenever the space has an IR outcome (a Pareto-optimal outcome weakly
/// dominating an IR one is IR). Utilities are increasing affine maps of the values V the
/// frontier is built from, so the frontier of V is the frontier of u.
/// </para>
/// <para>
/// What changes on an ε-frontier (<see cref="ParetoFrontier.Epsilon"/> &gt; 0, large spaces only).
/// Every Pareto-optimal ω then has a kept point q with u_i(q) ≥ u_i(ω) − ε for every i (the
/// frontier's guarantee, ε·(Vmax − Vmin) in value is ε in utility). So the maximum social welfare
/// found is within n·ε of the true one and each ideal_i within ε; the Nash product and the KS
/// minimum are near-optimal but not exact; an IR outcome within ε of a reservation may have no IR
/// representative, so Nash and KS may be reported missing (null) where they exist; and the distance
/// to the frontier is the distance to the kept points, which are real outcomes but not all
/// exactly Pareto-optimal. Every point reported is still a real outcome with its exact utilities.
/// The analysis reports the ε it was computed with (<see cref="FrontierEpsilon"/>).
/// </para>
/// <para>
/// Distances are Euclidean in normalised utilities, from the settlement: the agreement's utilities,
/// or without an agreement the no-deal point (every party at its reservation, as a run reports
/// it), as NegMAS measures a failed negotiation.
/// </para>
/// </remarks>
public sealed class NegotiationAnalysis
{
    private NegotiationAnalysis(
        ParetoFrontier frontier,
        IReadOnlyList<BargainingPoint> points,
        IReadOnlyList<double> settlement,
        BargainingPoint? nash,
        BargainingPoint? kalaiSmorodinsky,
        BargainingPoint maxSocialWelfare)
    {
        Frontier = frontier;
        FrontierPoints = points;
        Settlement = settlement;
        Nash = nash;
        KalaiSmorodinsky = kalaiSmorodinsky;
        MaxSocialWelfare = maxSocialWelfare;
        ParetoDistance = points.Min(p => Distance(settlement, p.Utilities));
        NashDistance = nash is null ? null : Distance(settlement, nash.Utilities);
    }

    /// <summary>The frontier the points were searched on (its outcomes, values, and ε).</summary>
    public ParetoFrontier Frontier { get; }

    /// <summary>The frontier's points with utilities and gains, in the frontier's order.</summary>
    public IReadOnlyList<BargainingPoint> FrontierPoints { get; }

    /// <summary>Number of points on the frontier.</summary>
    public int ParetoSize => FrontierPoints.Count;

    /// <summary>0 for an exact frontier; otherwise the ε of <see cref="ParetoFrontier.Epsilon"/>.</summary>
    public double FrontierEpsilon => Frontier.Epsilon;

    /// <summary>The settlement's utilities: the agreement's, or the reservations without one.</summary>
    public IReadOnlyList<double> Settlement { get; }

    /// <summary>The Nash point; null when no outcome is individually rational.</summary>
    public BargainingPoint? Nash { get; }

    /// <summary>The Kalai–Smorodinsky point; null when no outcome is individually rational.</summary>
    public BargainingPoint? KalaiSmorodinsky { get; }

    /// <summary>The outcome of maximum Σ u_i (over all outcomes, rational or not).</summary>
    public BargainingPoint MaxSocialWelfare { get; }

    /// <summary>Euclidean distance from the settlement to the nearest frontier point (0 on the frontier).</summary>
    public double ParetoDistance { get; }

    /// <summary>Euclidean distance from the settlement to the Nash point; null without one.</summary>
    public double? NashDistance { get; }

    /// <summary>
    /// The analysis of <paramref name="space"/> for <paramref name="parties"/> (each party's true
    /// preferences, in one order), with <paramref name="agreement"/> the outcome agreed, or null.
    /// </summary>
    public static NegotiationAnalysis Of(OutcomeSpace space, IReadOnlyList<NegotiatorPreferences> parties, Outcome? agreement)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(parties);
        if (parties.Count == 0 || parties.Any(p => p is null))
        {
            throw new ArgumentException("An analysis needs at least one party, and every party's preferences.", nameof(parties));
        }

        if (agreement is not null)
        {
            space.EnsureContains(agreement);
        }

        var frontier = ParetoFrontier.Build(space, [.. parties.Select(p => p.Values)]);
        var points = frontier.Points
            .Select(p => new BargainingPoint(
                p.Outcome,
                Array.AsReadOnly(parties.Select((party, i) => party.UtilityOfValue(p.Values[i])).ToArray()),
                Array.AsReadOnly(parties.Select((party, i) => party.GainOfValue(p.Values[i])).ToArray())))
            .ToList();
        if (parties.Any(p => p.IsCapped))
        {
            // A cap (u = min(cap, V)) keeps the order of V but can tie what V ranks apart, so a point
            // Pareto-optimal in V may be dominated in u: keep only the points no other point dominates in u.
            points = [.. points.Where(p => !points.Any(q => Dominates(q, p)))];
        }

        var reservations = parties.Select(p => p.Reservation).ToArray();
        var settlement = agreement is null ? reservations : parties.Select(p => p.Utility(agreement)).ToArray();

        var maxWelfare = Best(points, p => p.UtilitySum)!;
        var frontierPoints = points.AsReadOnly();
        var rational = points.Where(p => IsRational(p, reservations)).ToList();
        if (rational.Count == 0)
        {
            return new NegotiationAnalysis(frontier, frontierPoints, Array.AsReadOnly(settlement), null, null, maxWelfare);
        }

        var ideal = reservations.Select((_, i) => rational.Max(p => p.Utilities[i])).ToArray();
        var nash = Best(rational, p => NashProduct(p, reservations, ideal));
        var kalaiSmorodinsky = Best(rational, p => SmallestNormalisedGain(p, reservations, ideal));
        return new NegotiationAnalysis(frontier, frontierPoints, Array.AsReadOnly(settlement), nash, kalaiSmorodinsky, maxWelfare);
    }

    /// <summary>
    /// The analysis of a negotiation in <paramref name="world"/> (the world it ended in): each
    /// party's true value function there (its own objective and lobby weights, not the opponent's
    /// public view of it), undiscounted, with the reservation utility it negotiated with, in the
    /// order of <see cref="NegotiationSpec.Parties"/>.
    /// </summary>
    public static NegotiationAnalysis InWorld(
        Scenario scenario, TariffAgenda agenda, World world, IReadOnlyList<double> reservations, Outcome? agreement)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(reservations);
        var parties = agenda.Spec.Parties;
        if (reservations.Count != parties.Count)
        {
            throw new ArgumentException($"Negotiation {agenda.Spec.Id} has {parties.Count} parties, but {reservations.Count} reservations were given.", nameof(reservations));
        }

        var values = agenda.ValuesFor([.. parties.Select(scenario.Country)], world, scenario.Model);
        // The utilities the parties negotiated with: normalised, or the numbers themselves in a
        // utility scenario (DESIGN §4.2).
        return Of(agenda.Space, [.. values.Select((v, i) => agenda.InUtilityUnits
            ? NegotiatorPreferences.InUtility(v, reservations[i], scenario.Country(parties[i]).UtilityCap)
            : new NegotiatorPreferences(v, reservations[i]))], agreement);
    }

    /// <summary>Π (u_i − r_i) over the parties with ideal_i &gt; r_i (1 if there is none).</summary>
    public static double NashProduct(BargainingPoint point, IReadOnlyList<double> reservations, IReadOnlyList<double> ideal)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(ideal);
        var product = 1.0;
        for (var i = 0; i < reservations.Count; i++)
        {
            if (ideal[i] > reservations[i])
            {
                product *= point.Utilities[i] - reservations[i];
            }
        }

        return product;
    }

    /// <summary>min_i (u_i − r_i)/(ideal_i − r_i), a party with ideal_i = r_i counting 1.</summary>
    public static double SmallestNormalisedGain(BargainingPoint point, IReadOnlyList<double> reservations, IReadOnlyList<double> ideal)
    {
        ArgumentNullException.ThrowIfNull(point);
        ArgumentNullException.ThrowIfNull(reservations);
        ArgumentNullException.ThrowIfNull(ideal);
        var smallest = 1.0;
        for (var i = 0; i < reservations.Count; i++)
        {
            if (ideal[i] > reservations[i])
            {
                smallest = Math.Min(smallest, (point.Utilities[i] - reservations[i]) / (ideal[i] - reservations[i]));
            }
        }

        return smallest;
    }

    /// <summary>Whether <paramref name="a"/> is at least as good as <paramref name="b"/> for every party and better for one.</summary>
    private static bool Dominates(BargainingPoint a, BargainingPoint b)
    {
        var better = false;
        for (var i = 0; i < a.Utilities.Count; i++)
        {
            if (a.Utilities[i] < b.Utilities[i])
            {
                return false;
            }

            better |= a.Utilities[i] > b.Utilities[i];
        }

        return better;
    }

    private static bool IsRational(BargainingPoint point, double[] reservations)
    {
        for (var i = 0; i < reservations.Length; i++)
        {
            if (!(point.Utilities[i] >= reservations[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The point of highest score, then highest Σ u_i, then lowest outcome.</summary>
    private static BargainingPoint? Best(IEnumerable<BargainingPoint> points, Func<BargainingPoint, double> score)
    {
        BargainingPoint? best = null;
        double bestScore = 0, bestSum = 0;
        foreach (var point in points)
        {
            var s = score(point);
            var sum = point.UtilitySum;
            if (best is null || s > bestScore || (s == bestScore && (sum > bestSum || (sum == bestSum && point.Outcome.CompareTo(best.Outcome) < 0))))
            {
                (best, bestScore, bestSum) = (point, s, sum);
            }
        }

        return best;
    }

    private static double Distance(IReadOnlyList<double> a, IReadOnlyList<double> b)
    {
        var squares = 0.0;
        for (var i = 0; i < a.Count; i++)
        {
            var d = a[i] - b[i];
            squares += d * d;
        }

        return Math.Sqrt(squares);
    }
}
