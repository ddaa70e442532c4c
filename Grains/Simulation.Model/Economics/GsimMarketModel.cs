using System.Globalization;
using Simulation.Model.Numerics;
using Simulation.Model.Registries;

namespace Simulation.Model.Economics;

/// <summary>
/// Francois &amp; Hall's GSIM ("Global simulation analysis of industry-level trade policy", 2003;
/// DESIGN §3.2 `gsim`): multi-market partial equilibrium with finite export supply. In a sector,
/// every supplier j (a country or ROW, selling abroad and, with domestic sales, at home) has one
/// supply curve X_j = X0_j · pw_j^ε_x for all its markets, X0_j being all its base sales (elsewhere
/// too, given a <c>supply:</c> total); buyers in
/// market i pay p_ij = pw_j (1 + t_ij) and demand is the CES system of <see cref="CesMarket"/>.
/// The model finds the world prices pw_j at which Σ_i M_ij = X_j for every supplier, to a relative
/// tolerance of <see cref="Tolerance"/>, and values flows at them (pw·q). This is what couples a
/// sector's negotiations: a tariff cut in one market raises the winner's world price everywhere.
/// With infinite ε_x world prices stay at 1 and the model is <see cref="CesMarketModel"/> exactly.
/// In a sector of a linked block (DESIGN §3.2) a supplier that uses inputs sells at value-added price
/// v̂ = (pw − Σ_k a_k P̂_k)/(1 − Σ_k a_k), X = X0 · v̂^ε_x (with infinite ε_x, v̂ = 1: pw is unit cost),
/// and a market that sells inputs adds producers' derived demand (<see cref="CesMarket"/>); the
/// block's solver holds those terms fixed here (<see cref="LinkedBlockSolver"/>).
/// </summary>
/// <remarks>
/// Newton's method on the log prices x_j = ln pw_j, the unknowns of
/// F_j(x) = ln (Σ_i q_ij(x) + R_j(x)) − ln X0_j − ε_x x_j = 0, where R_j = R0_j pw_j^(−ε_R) is what a
/// supplier with a <c>supply:</c> total sells outside the markets listed and X0_j its total T_j (DESIGN
/// §3.2, "A complete world"; R_j = 0 and X0_j = S_j without one). Its Jacobian is analytic: with w_il the
/// expenditure share of l in market i at the new prices (∂ln P̂_i/∂ln p_il),
/// ∂ln q_ij/∂x_l = −σ_i δ_jl + (σ_i − ε_i) w_il in a single nest (see AddTwoLevelDerivatives for two),
/// and ∂R_j/∂x_j = −ε_R R_j. A backtracking line search on ½‖F‖² keeps
/// each step a descent, and a step moves a price by at most a factor e². Suppliers without base
/// sales have no supply curve to clear and keep pw = 1.
/// <para>
/// The Jacobian is regular where consumer prices are uniform within each market: with D the diagonal
/// of demands, D·J = −Σ_i [σ_i (diag(q_i) − q_i q_iᵀ/Q_i) + ε_i q_i q_iᵀ/Q_i] − ε_x D, a sum of
/// negative semidefinite terms and a negative definite one; tariffs move it away from that form only
/// by the spread of prices, and the property tests meet no singular system. So when elimination finds
/// no pivot it is almost always because numbers stopped being finite; the message says "singular or
/// not finite", and a start that is already not finite (an elasticity far beyond any published one)
/// is reported as such before any step.
/// </para>
/// </remarks>
public sealed class GsimMarketModel : ILinkedMarketModel
{
    /// <summary>Every supplier's market clears to |demand − supply| ≤ Tolerance · supply.</summary>
    public const double Tolerance = 1e-10;

    /// <summary>Newton steps allowed; a handful is the rule (quadratic convergence), so reaching it means trouble.</summary>
    public const int MaxIterations = 100;

    private const double MaxLogStep = 2;
    private const int MaxHalvings = 40;

    /// <summary>
    /// Smallest share of the tariff change that continuation (see <see cref="Clear"/>) takes in one
    /// step before it gives up: 2^-16, so that even σ = 100 against a 10,000% change (σ ln 101 ≈ 460)
    /// moves relative demand by a factor e^0.007 at most per step.
    /// </summary>
    private const double MinContinuationStep = 1.0 / 65536;

    /// <summary>
    /// Newton steps continuation may take in all, as a multiple of the cap on one solve: it bounds the
    /// time a sector can take (1,000 steps of a system with one equation per supplier).
    /// </summary>
    private const int ContinuationBudget = 10;

    private readonly int _maxIterations;

    /// <summary>A model with another iteration cap, for tests of what happens when it is reached.</summary>
    internal GsimMarketModel(int maxIterations) => _maxIterations = maxIterations;

    public static GsimMarketModel Instance { get; } = new(MaxIterations);

    public string Name => "gsim";

    public string Description => "Francois & Hall's multi-market partial equilibrium with finite export supply; equals 'ces' where supply is infinite";

    public IReadOnlyList<EntryParameter> Parameters => [];

    public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent) =>
        Solve(sector, tariffAfterPercent, links: null);

    public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, SectorLinkTerms links)
    {
        ArgumentNullException.ThrowIfNull(links);
        return Solve(sector, tariffAfterPercent, links);
    }

    private SectorSolution Solve(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, SectorLinkTerms? links)
    {
        ArgumentNullException.ThrowIfNull(sector);
        var system = new SectorSystem(sector, tariffAfterPercent, links);
        // Suppliers that use inputs start at unit cost (v̂ = 1), where their supply curve is defined.
        var worldPrices = LinkedPrices.AtUnitCost(sector, links);
        var iterations = double.IsPositiveInfinity(sector.Sector.SupplyElasticity) ? 0 : Clear(sector, tariffAfterPercent, links, system, worldPrices);
        if (links is not null)
        {
            LinkedPrices.RequirePositiveValueAdded("gsim", sector, links, worldPrices, iterations);
        }

        var effects = system.Effects(worldPrices);
        return FiniteSolution.Check("gsim", sector, new SectorSolution(sector.Sector.Name, effects, ProducerSurplus.Supplies(sector, effects, worldPrices, links), [], iterations));
    }

    /// <summary>
    /// The clearing conditions F at log world prices <paramref name="logPrices"/>, and their analytic
    /// Jacobian in <paramref name="jacobian"/>: what each Newton step solves, for tests against finite differences.
    /// </summary>
    internal static double[] ClearingConditions(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, double[] logPrices, double[,] jacobian)
    {
        var residual = new double[logPrices.Length];
        new SectorSystem(sector, tariffAfterPercent, links: null).Evaluate(logPrices, residual, jacobian, out _);
        return residual;
    }

    /// <summary>
    /// Newton from the base prices, and if that fails, continuation: the tariff change applied in
    /// steps, t0 + λ(t1 − t0) for λ rising from 0 to 1, each step solved from the last one's prices.
    /// A step that fails is halved, one that succeeds lets the next be twice as long. A large change
    /// with a high σ (σ = 100, a price doubled: demand moves by 2^100) saturates expenditure shares at
    /// the base prices, where the Newton direction is a poor guide; along the path each step starts
    /// close to its answer. Returns the Newton steps taken in all.
    /// </summary>
    private int Clear(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, SectorLinkTerms? links, SectorSystem system, double[] worldPrices)
    {
        try
        {
            return system.Solve(worldPrices, _maxIterations);
        }
        catch (EquilibriumNotFoundException direct)
        {
            var budget = ContinuationBudget * _maxIterations;
            var baseTariffs = sector.Markets
                .SelectMany(m => m.Suppliers.Where(s => !m.IsHome(s)).Select(s => (Line: m.LineOf(s), s.BaseTariffPercent)))
                .ToDictionary(x => x.Line, x => x.BaseTariffPercent);
            var iterations = direct.Iterations;
            var (done, step) = (0.0, 0.25);
            while (done < 1)
            {
                var lambda = Math.Min(1, done + step);
                var along = lambda == 1
                    ? system
                    : new SectorSystem(sector, line => baseTariffs[line] + lambda * (tariffAfterPercent(line) - baseTariffs[line]), links);
                try
                {
                    // Solve writes the prices only when it succeeds, so a failed step leaves the last good ones.
                    iterations += along.Solve(worldPrices, Math.Min(_maxIterations, budget - iterations));
                    (done, step) = (lambda, step * 2);
                }
                catch (EquilibriumNotFoundException failed)
                {
                    iterations += failed.Iterations;
                    step /= 2;
                    if (step < MinContinuationStep || iterations >= budget)
                    {
                        var why = iterations >= budget ? $"used its {budget} Newton steps" : "needed steps below 1/65536 of the change";
                        throw new EquilibriumNotFoundException(direct.Sector, iterations, direct.LargestImbalance,
                            $"{direct.Message[..^1]}; continuation (the change applied in steps) {why} " +
                            $"and stopped at {(100 * done).ToString("0.###", CultureInfo.InvariantCulture)}% of the change.");
                    }
                }
            }

            return iterations;
        }
    }

    /// <summary>One sector's clearing conditions at the tariffs after, in log world prices.</summary>
    private sealed class SectorSystem
    {
        private readonly SectorMarkets _sector;
        private readonly CesMarket[] _markets;
        private readonly double[][] _tariffs;
        private readonly int[][] _supplierOf;
        private readonly InputCost?[] _inputCosts;
        private readonly double _supply;
        private readonly int _n;

        public SectorSystem(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, SectorLinkTerms? links)
        {
            _sector = sector;
            _supply = sector.Sector.SupplyElasticity;
            _n = sector.Suppliers.Count;
            _inputCosts = [.. sector.Suppliers.Select(s => links?.InputCostOf(s))];
            _markets = new CesMarket[sector.Markets.Count];
            _tariffs = new double[_markets.Length][];
            _supplierOf = new int[_markets.Length][];
            for (var m = 0; m < _markets.Length; m++)
            {
                var market = sector.Markets[m];
                _markets[m] = new CesMarket(market, links?.IntermediateOf(market.Importer));
                _tariffs[m] = market.TariffsAfter(tariffAfterPercent);
                _supplierOf[m] = market.Suppliers.Select(s => sector.IndexOf(s.Exporter)).ToArray();
            }
        }

        public MarketEffect[] Effects(double[] worldPrices)
        {
            var effects = new MarketEffect[_markets.Length];
            for (var m = 0; m < _markets.Length; m++)
            {
                effects[m] = _markets[m].Effect(_tariffs[m], _supplierOf[m].Select(k => worldPrices[k]).ToArray());
            }

            return effects;
        }

        /// <summary>
        /// Finds the clearing world prices in at most <paramref name="maxIterations"/> Newton steps, starting
        /// from <paramref name="worldPrices"/> and writing them there only on success; returns the steps taken.
        /// </summary>
        public int Solve(double[] worldPrices, int maxIterations)
        {
            var x = worldPrices.Select(p => Math.Log(p)).ToArray();
            var residual = new double[_n];
            var jacobian = new double[_n, _n];
            var imbalance = Evaluate(x, residual, jacobian, out var worst);
            if (imbalance > Tolerance && !IsFinite(residual, jacobian))
            {
                // Only the direct attempt's failures are reported, and it starts from the base prices.
                throw Failure("at the base world prices demand is not a finite number: the elasticities and the tariff change are beyond what double precision holds", 0, imbalance, worst);
            }

            var iterations = 0;
            while (imbalance > Tolerance)
            {
                if (iterations >= maxIterations)
                {
                    throw Failure($"no convergence in {maxIterations} iterations", iterations, imbalance, worst);
                }

                var step = residual.Select(f => -f).ToArray();
                if (!LinearSystem.TrySolve(jacobian, step))
                {
                    throw Failure("the Jacobian of the clearing conditions is singular or not finite", iterations, imbalance, worst);
                }

                var largest = step.Max(Math.Abs);
                var scale = largest > MaxLogStep ? MaxLogStep / largest : 1;
                for (var k = 0; k < _n; k++)
                {
                    step[k] *= scale;
                }

                x = LineSearch(x, step, scale, residual, jacobian, ref imbalance, ref worst, iterations);
                iterations++;
            }

            for (var k = 0; k < _n; k++)
            {
                worldPrices[k] = Math.Exp(x[k]);
            }

            return iterations;
        }

        /// <summary>
        /// Backtracks from the (possibly shortened) Newton step until ½‖F‖² decreases enough (Armijo,
        /// c = 1e-4). Along the full Newton step the merit's slope is −‖F‖² = −2·merit; the step was
        /// multiplied by <paramref name="scale"/> to keep it within e², and so is the slope: without that
        /// factor a shortened step must achieve a decrease its slope cannot give, and the search fails
        /// although every step is a descent. Leaves F, its Jacobian and the imbalance at the new point.
        /// </summary>
        private double[] LineSearch(double[] x, double[] step, double scale, double[] residual, double[,] jacobian, ref double imbalance, ref int worst, int iterations)
        {
            var merit = 0.5 * residual.Sum(f => f * f);
            var trial = new double[_n];
            var alpha = 1.0;
            for (var halving = 0; halving <= MaxHalvings; halving++, alpha /= 2)
            {
                for (var k = 0; k < _n; k++)
                {
                    trial[k] = x[k] + alpha * step[k];
                }

                var trialImbalance = Evaluate(trial, residual, jacobian, out var trialWorst);
                var trialMerit = 0.5 * residual.Sum(f => f * f);
                if (double.IsFinite(trialMerit) && (trialMerit <= (1 - 2e-4 * alpha * scale) * merit || trialImbalance <= Tolerance))
                {
                    imbalance = trialImbalance;
                    worst = trialWorst;
                    return trial;
                }
            }

            throw Failure("the line search found no step that reduces the excess demand", iterations, imbalance, worst);
        }

        /// <summary>
        /// F and its Jacobian at log prices <paramref name="x"/>; returns the largest relative
        /// imbalance |D_j − X_j|/X_j and, in <paramref name="worst"/>, whose it is.
        /// </summary>
        public double Evaluate(double[] x, double[] residual, double[,] jacobian, out int worst)
        {
            var demand = new double[_n];
            Array.Clear(jacobian);
            for (var m = 0; m < _markets.Length; m++)
            {
                var market = _markets[m];
                var suppliers = _supplierOf[m];
                var prices = suppliers.Select(k => Math.Exp(x[k])).ToArray();
                var ratios = new double[suppliers.Length];
                var terms = new double[suppliers.Length];
                var shares = new double[suppliers.Length];
                var importShares = market.IsNested ? new double[suppliers.Length] : null;
                market.ConsumerPriceRatios(_tariffs[m], prices, ratios);
                var priceIndex = market.SubstitutionTerms(ratios, terms, out var importIndex);
                var quantityRatio = market.QuantityRatio(priceIndex);
                // −∂ln Q̂/∂ln P̂: ε, less where producers' derived demand (held here) is part of Q (DESIGN §3.2).
                var epsilon = market.QuantityElasticity(priceIndex);
                if (importShares is null)
                {
                    market.CurrentShares(ratios, shares);
                }
                else
                {
                    market.NestedShares(ratios, priceIndex, importIndex, shares, importShares);
                }

                for (var j = 0; j < suppliers.Length; j++)
                {
                    var baseValue = market.Market.Suppliers[j].BaseValue;
                    if (baseValue <= 0)
                    {
                        continue;
                    }

                    var k = suppliers[j];
                    var quantity = baseValue * terms[j] * quantityRatio;
                    demand[k] += quantity;
                    if (importShares is null)
                    {
                        // Σ_i q_ij ∂ln q_ij/∂x_l, divided by D_j below: −σ q on the diagonal, (σ − ε) w_il q for every l.
                        jacobian[k, k] -= market.Sigma * quantity;
                        for (var l = 0; l < suppliers.Length; l++)
                        {
                            jacobian[k, suppliers[l]] += (market.Sigma - epsilon) * shares[l] * quantity;
                        }
                    }
                    else
                    {
                        AddTwoLevelDerivatives(market, epsilon, j, k, quantity, suppliers, shares, importShares, jacobian);
                    }
                }
            }

            AddSalesElsewhere(x, demand, jacobian);

            var largest = 0.0;
            worst = 0;
            for (var k = 0; k < _n; k++)
            {
                var baseSales = _sector.BaseSales(k);
                if (baseSales <= 0)
                {
                    // No supply curve: the price stays at 1 (F = 0, a unit row keeps the system regular).
                    residual[k] = 0;
                    for (var l = 0; l < _n; l++)
                    {
                        jacobian[k, l] = 0;
                    }

                    jacobian[k, k] = 1;
                    continue;
                }

                // Supply responds to the price of value added: pw itself unless the supplier uses inputs
                // (then ln v̂ is not a number once input costs reach pw, and the line search steps back).
                var (logValueAdded, valueAddedElasticity) = _inputCosts[k] is { } cost
                    ? (Math.Log(cost.ValueAddedPrice(Math.Exp(x[k]))), cost.ValueAddedElasticity(Math.Exp(x[k])))
                    : (x[k], 1.0);
                var supply = baseSales * Math.Exp(_supply * logValueAdded);
                residual[k] = Math.Log(demand[k]) - Math.Log(baseSales) - _supply * logValueAdded;
                for (var l = 0; l < _n; l++)
                {
                    jacobian[k, l] /= demand[k];
                }

                jacobian[k, k] -= _supply * valueAddedElasticity;
                var imbalance = Math.Abs(demand[k] - supply) / supply;
                if (!double.IsFinite(imbalance))
                {
                    // An overflow or a vanished demand: never mistaken for convergence.
                    imbalance = double.PositiveInfinity;
                }

                if (imbalance > largest)
                {
                    largest = imbalance;
                    worst = k;
                }
            }

            return largest;
        }

        /// <summary>
        /// Supplier j's quantity q in a two-level market (home sales and σ_D ≠ σ_M), differentiated: with
        /// ln q_j = const − σ_M ln p̂_j + (σ_M − σ_D) ln P̂_M + (σ_D − ε) ln P̂ for an import and
        /// ln q_D = const − σ_D ln p̂_D + (σ_D − ε) ln P̂ for the home good, and w_l = ∂ln P̂/∂ln p̂_l,
        /// w^M_l = ∂ln P̂_M/∂ln p̂_l (<see cref="CesMarket.NestedShares"/>), q ∂ln q/∂x_l is
        /// −σ q on the diagonal (σ_M for an import, σ_D for the home good) plus, for every l,
        /// [(σ_M − σ_D) w^M_l + (σ_D − ε) w_l] q for an import and (σ_D − ε) w_l q for the home good.
        /// </summary>
        private static void AddTwoLevelDerivatives(
            CesMarket market, double epsilon, int j, int k, double quantity, int[] suppliers, double[] shares, double[] importShares, double[,] jacobian)
        {
            var home = j == market.Home;
            jacobian[k, k] -= (home ? market.SigmaDomestic : market.Sigma) * quantity;
            for (var l = 0; l < suppliers.Length; l++)
            {
                var upper = (market.SigmaDomestic - epsilon) * shares[l];
                var lower = home ? 0 : (market.Sigma - market.SigmaDomestic) * importShares[l];
                jacobian[k, suppliers[l]] += (upper + lower) * quantity;
            }
        }

        /// <summary>
        /// The residual market (DESIGN §3.2, "A complete world") on the demand side of each supplier's
        /// clearing condition: R_j = R0_j pw_j^(−ε_R) joins Σ_i q_ij, and its derivative −ε_R R_j joins the
        /// diagonal of the Jacobian (before both are divided by the supplier's demand). The supply side,
        /// T_j pw_j^ε_x, is <see cref="SectorMarkets.BaseSales"/>, which is T_j for such a supplier.
        /// </summary>
        private void AddSalesElsewhere(double[] x, double[] demand, double[,] jacobian)
        {
            for (var k = 0; k < _n; k++)
            {
                if (_sector.ElsewhereOf(k) is { } elsewhere)
                {
                    var sold = elsewhere.Quantity(Math.Exp(x[k]));
                    demand[k] += sold;
                    jacobian[k, k] -= elsewhere.DemandElasticity * sold;
                }
            }
        }

        private static bool IsFinite(double[] residual, double[,] jacobian)
        {
            foreach (var value in residual)
            {
                if (!double.IsFinite(value))
                {
                    return false;
                }
            }

            foreach (var value in jacobian)
            {
                if (!double.IsFinite(value))
                {
                    return false;
                }
            }

            return true;
        }

        private EquilibriumNotFoundException Failure(string reason, int iterations, double imbalance, int worst)
        {
            var excess = double.IsFinite(imbalance) ? imbalance.ToString("g3", CultureInfo.InvariantCulture) : NonFinite.Describe(imbalance);
            return new(_sector.Sector.Name, iterations, imbalance, string.Create(CultureInfo.InvariantCulture,
                $"gsim found no equilibrium in sector {_sector.Sector.Name}: {reason} (after {iterations} iterations, the largest relative excess demand is {excess}, for supplier {_sector.Suppliers[worst]}, with ε_x = {_supply})."));
        }
    }
}
