using System.Globalization;
using Simulation.Model.Input;
using Simulation.Model.Numerics;

namespace Simulation.Model.Gravity;

/// <summary>
/// General-equilibrium counterfactual of a one-sector Armington–CES (structural gravity) model by exact hat
/// algebra, as in Baier, Yotov &amp; Zylkin (2019), "On the widely differing effects of free trade agreements",
/// JIE 116, §6, and the <c>ge_gravity</c> Stata command (Zylkin, v1.1) that implements it. Matches that command's
/// results: same equations, same update order, same numeraire, same stopping rule.
/// </summary>
/// <remarks>
/// <para>Baseline (hats are new/old): π_ij = X_ij/E_j, Y_i = Σ_j X_ij, E_j = Σ_i X_ij, D_j = E_j − Y_j.
/// The counterfactual multiplies bilateral trade costs by τ̂_ij with τ̂_ij^(−θ) = e^β_ij and solves for the
/// nominal wage (output price) changes ŵ_i, the price-index terms P̂_j^(−θ) and new expenditures E′_j:</para>
/// <list type="number">
/// <item>market clearing, ge_gravity eq. 3: Y_i·ŵ_i = ŵ_i^(−θ)·Σ_j π_ij·e^β_ij·E′_j / P̂_j^(−θ),
/// solved for ŵ_i = [Σ_j π_ij·e^β_ij·E′_j/P̂_j^(−θ) / Y_i]^(1/(1+θ));</item>
/// <item>numeraire: ŵ is rescaled so that world output is unchanged, Σ_i Y_i·ŵ_i = Σ_i Y_i;</item>
/// <item>price index, eq. 4: P̂_j^(−θ) = Σ_i π_ij·e^β_ij·ŵ_i^(−θ);</item>
/// <item>expenditure, eq. 5: E′_j = Y_j·ŵ_j + D_j (additive) or E′_j = E_j·ŵ_j (multiplicative);</item>
/// <item>new flows X′_ij = π_ij·e^β_ij·ŵ_i^(−θ)/P̂_j^(−θ)·E′_j; stop when max |ln X′ − ln X′_previous| ≤ tolerance
/// (over positive flows: zero flows stay zero and have no logarithm).</item>
/// </list>
/// <para>Welfare is Ê_i/P̂_i = (E′_i/E_i)/P̂_i. With multiplicative imbalances it equals the real wage ŵ_i/P̂_i;
/// with additive ones it is ge_gravity's ((Y_i·ŵ_i + D_i)/(Y_i + D_i))/P̂_i.</para>
/// <para>Multiplicative imbalances, as ge_gravity specifies them, do not keep Walras' law: world expenditure
/// Σ_j E_j·ŵ_j equals world output Σ_j Y_j·ŵ_j only if Σ_j D_j·ŵ_j = 0, which unbalanced data need not satisfy
/// once prices change. The fixed point of steps 1–2 then clears goods markets only up to one common factor: the
/// new flows sum to Y_i·ŵ_i/k over destinations and to E′_j over origins, with k ≠ 1 (on the EU-enlargement
/// example 1 − 1/k ≈ 1.6e-6). This is reproduced as is, since results must match ge_gravity; additive
/// imbalances (Σ_j D_j = 0 by construction) clear markets exactly.</para>
/// </remarks>
public static class GeneralEquilibriumGravity
{
    /// <summary>The trade elasticity of DESIGN §3.4 and of the ge_gravity example (θ = 4).</summary>
    public const double DefaultTheta = 4;

    /// <summary>ge_gravity's default: imbalances enter expenditure additively unless <c>multiplicative</c> is given.</summary>
    public const TradeImbalances DefaultImbalances = TradeImbalances.Additive;

    /// <summary>ge_gravity's tolerance on max |Δ ln X|.</summary>
    public const double DefaultTolerance = 1e-8;

    /// <summary>
    /// The iteration cap. ge_gravity allows 1,000,000; the fixed point is a contraction that needs a few hundred
    /// at most on real data, and a lower cap bounds the time a pathological input can take.
    /// </summary>
    public const int DefaultMaxIterations = 10_000;

    /// <summary>Source named in errors about flows passed in code rather than read from a file.</summary>
    private const string Source = "flows";

    /// <summary>
    /// Solves the counterfactual. Check <see cref="GravityResult.Converged"/>: when the cap is reached first the
    /// result holds the last iterate, flagged as not converged.
    /// </summary>
    /// <param name="flows">A complete square matrix: every exporter × importer pair once, domestic flows &gt; 0.</param>
    /// <param name="theta">Trade elasticity θ &gt; 0.</param>
    /// <param name="imbalances">How baseline imbalances carry over; ge_gravity's default is additive.</param>
    /// <param name="tolerance">Convergence threshold on max |Δ ln X_ij| between iterations.</param>
    /// <param name="maxIterations">Iteration cap, at least 1.</param>
    /// <exception cref="InvalidInputException">
    /// The flows are not a valid square matrix, or (additive imbalances) a country's expenditure turns non-positive.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">θ (see <see cref="GravityInputRanges"/>), tolerance or the cap is out of range.</exception>
    /// <exception cref="NonFiniteResultException">The iteration diverged: a flow left the range of double precision.</exception>
    public static GravityResult Solve(
        IReadOnlyList<GravityFlow> flows,
        double theta = DefaultTheta,
        TradeImbalances imbalances = DefaultImbalances,
        double tolerance = DefaultTolerance,
        int maxIterations = DefaultMaxIterations)
    {
        ArgumentNullException.ThrowIfNull(flows);
        var errors = new List<InputError>();
        var matrix = GravityMatrix.Build(flows, Source, k => new FlowLocation(null, $"flows[{k}]"), new HashSet<int>(), errors);
        if (matrix is null)
        {
            throw new InvalidInputException(errors);
        }

        return Solve(matrix, theta, imbalances, tolerance, maxIterations);
    }

    internal static GravityResult Solve(
        GravityMatrix matrix, double theta, TradeImbalances imbalances, double tolerance, int maxIterations)
    {
        if (!GravityInputRanges.IsTheta(theta))
        {
            throw new ArgumentOutOfRangeException(nameof(theta), theta, $"The trade elasticity θ must be {GravityInputRanges.ThetaRange}.");
        }
        if (!double.IsFinite(tolerance) || tolerance <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, "The tolerance must be a finite number > 0.");
        }
        if (maxIterations < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxIterations), maxIterations, "At least one iteration is needed.");
        }
        if (!Enum.IsDefined(imbalances))
        {
            throw new ArgumentOutOfRangeException(nameof(imbalances), imbalances, "Unknown imbalance mode.");
        }

        var n = matrix.Size;
        var x = matrix.Trade;

        var output = new double[n];      // Y_i = Σ_j X_ij
        var expenditure = new double[n]; // E_j = Σ_i X_ij
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                output[i] += x[i * n + j];
                expenditure[j] += x[i * n + j];
            }
        }
        var worldOutput = output.Sum();

        // A_ij = π_ij·e^β_ij: baseline import shares shifted by the partial effects; fixed over the iterations.
        var shifted = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                shifted[i * n + j] = x[i * n + j] / expenditure[j] * Math.Exp(matrix.Beta[i * n + j]);
            }
        }

        // ge_gravity starts from ŵ = P̂^(−θ) = 1 and E′ = E.
        var wage = Enumerable.Repeat(1.0, n).ToArray();           // ŵ_i
        var priceTerm = Enumerable.Repeat(1.0, n).ToArray();      // P̂_j^(−θ)
        var newExpenditure = (double[])expenditure.Clone();       // E′_j
        var wageTerm = new double[n];                             // ŵ_i^(−θ)
        var demand = new double[n];                               // E′_j / P̂_j^(−θ)
        var previous = (double[])x.Clone();
        var current = new double[n * n];

        var iterations = 0;
        var change = double.PositiveInfinity;
        var converged = false;
        while (iterations < maxIterations)
        {
            // Step 1 (eq. 3): ŵ_i^(1+θ) = Σ_j A_ij·E′_j/P̂_j^(−θ) / Y_i, with E′ and P̂ of the previous iteration.
            for (var j = 0; j < n; j++)
            {
                demand[j] = newExpenditure[j] / priceTerm[j];
            }
            for (var i = 0; i < n; i++)
            {
                var sum = 0.0;
                for (var j = 0; j < n; j++)
                {
                    sum += shifted[i * n + j] * demand[j];
                }
                wage[i] = Math.Pow(sum / output[i], 1 / (1 + theta));
            }

            // Step 1.5: numeraire — world output stays at its baseline value (ge_gravity's normalisation; the
            // model pins down relative prices only, and welfare Ê/P̂ does not depend on this choice).
            var scaledOutput = 0.0;
            for (var i = 0; i < n; i++)
            {
                scaledOutput += output[i] * wage[i];
            }
            var scale = worldOutput / scaledOutput;
            for (var i = 0; i < n; i++)
            {
                wage[i] *= scale;
                wageTerm[i] = Math.Pow(wage[i], -theta);
            }

            // Step 2 (eq. 4): P̂_j^(−θ) = Σ_i A_ij·ŵ_i^(−θ).
            Array.Clear(priceTerm);
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    priceTerm[j] += shifted[i * n + j] * wageTerm[i];
                }
            }

            // Step 3 (eq. 5): new expenditure under the chosen treatment of imbalances.
            for (var j = 0; j < n; j++)
            {
                newExpenditure[j] = imbalances == TradeImbalances.Additive
                    ? output[j] * wage[j] + (expenditure[j] - output[j])
                    : expenditure[j] * wage[j];
                if (!(newExpenditure[j] > 0) && imbalances == TradeImbalances.Multiplicative)
                {
                    // E_j > 0, so E_j·ŵ_j ≤ 0 only when ŵ_j underflowed or is NaN: the iteration is diverging.
                    throw Diverged(matrix, wage, iterations + 1);
                }

                if (!(newExpenditure[j] > 0))
                {
                    // With additive imbalances: a surplus D_j < 0 larger than the new output Y_j·ŵ_j.
                    throw new InvalidInputException([
                        new InputError(Source, null, null, matrix.Countries[j],
                            $"with additive imbalances the expenditure of {matrix.Countries[j]} turns non-positive " +
                            $"({newExpenditure[j]:G6}) at iteration {iterations + 1}: its trade surplus exceeds its new output; " +
                            "use multiplicative imbalances"),
                    ]);
                }
            }

            // New flows and the convergence criterion max |Δ ln X| (ge_gravity's, over positive flows).
            change = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < n; j++)
                {
                    var cell = i * n + j;
                    current[cell] = shifted[cell] * wageTerm[i] / priceTerm[j] * newExpenditure[j];
                    if (x[cell] > 0)
                    {
                        change = Math.Max(change, Math.Abs(Math.Log(current[cell]) - Math.Log(previous[cell])));
                    }
                }
            }

            iterations++;
            if (!double.IsFinite(change))
            {
                // A flow overflowed or a positive one underflowed to 0: more iterations cannot recover.
                throw Diverged(matrix, wage, iterations);
            }

            (previous, current) = (current, previous);
            if (change <= tolerance)
            {
                converged = true;
                break;
            }
        }

        // `previous` now holds the flows of the last iteration.
        var countries = new CountryWelfare[n];
        for (var i = 0; i < n; i++)
        {
            var priceIndex = Math.Pow(priceTerm[i], -1 / theta); // P̂_i
            countries[i] = new CountryWelfare(matrix.Countries[i], newExpenditure[i] / expenditure[i] / priceIndex);
        }

        var flows = new FlowChange[n * n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                flows[i * n + j] = new FlowChange(matrix.Countries[i], matrix.Countries[j], x[i * n + j], previous[i * n + j]);
            }
        }

        if (!countries.All(c => double.IsFinite(c.Welfare)) || !flows.All(f => double.IsFinite(f.After)))
        {
            throw Diverged(matrix, wage, iterations);
        }

        return new GravityResult(theta, imbalances, iterations, converged, change, countries, flows);
    }

    private static NonFiniteResultException Diverged(GravityMatrix matrix, double[] wage, int iterations)
    {
        // Name the country whose output price had moved furthest: it is where the partial effects pile up.
        var furthest = 0;
        for (var i = 1; i < wage.Length; i++)
        {
            if (!(Math.Abs(Math.Log(wage[i])) <= Math.Abs(Math.Log(wage[furthest]))))
            {
                furthest = i;
            }
        }

        var iteration = iterations.ToString(CultureInfo.InvariantCulture);
        var factor = double.IsFinite(wage[furthest]) ? wage[furthest].ToString("g3", CultureInfo.InvariantCulture) : NonFinite.Describe(wage[furthest]);
        return new NonFiniteResultException(
            $"ge found no equilibrium: the iteration diverged, and at iteration {iteration} a flow was no longer a finite number " +
            $"({matrix.Countries[furthest]}'s output price had moved by a factor of {factor}). " +
            "The partial effects β are too large for the flows they apply to.");
    }
}
