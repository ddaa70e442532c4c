using System.Globalization;

namespace Simulation.Model.Economics;

/// <summary>
/// Francois &amp; Hall's GSIM ("Global simulation analysis of industry-level trade policy", 2003;
/// DESIGN §3.2 `gsim`): multi-market partial equilibrium with finite export supply. In a sector,
/// every supplier j (a country or ROW, selling abroad and, with domestic sales, at home) has one
/// supply curve X_j = X0_j · pw_j^ε_x for all its markets, X0_j being all its base sales; buyers in
/// market i pay p_ij = pw_j (1 + t_ij) and demand is the CES system of <see cref="CesMarket"/>.
/// The model finds the world prices pw_j at which Σ_i M_ij = X_j for every supplier, to a relative
/// tolerance of <see cref="Tolerance"/>, and values flows at them (pw·q). This is what couples a
/// sector's negotiations: a tariff cut in one market raises the winner's world price everywhere.
/// With infinite ε_x world prices stay at 1 and the model is <see cref="CesMarketModel"/> exactly.
/// </summary>
/// <remarks>
/// Newton's method on the log prices x_j = ln pw_j, the unknowns of
/// F_j(x) = ln Σ_i q_ij(x) − ln X0_j − ε_x x_j = 0. Its Jacobian is analytic: with w_il the
/// expenditure share of l in market i at the new prices (∂ln P̂_i/∂ln p_il),
/// ∂ln q_ij/∂x_l = −σ_i δ_jl + (σ_i − ε_i) w_il. A backtracking line search on ½‖F‖² keeps
/// each step a descent, and a step moves a price by at most a factor e². Suppliers without base
/// sales have no supply curve to clear and keep pw = 1.
/// </remarks>
public sealed class GsimMarketModel : IMarketModel
{
    /// <summary>Every supplier's market clears to |demand − supply| ≤ Tolerance · supply.</summary>
    public const double Tolerance = 1e-10;

    public const int MaxIterations = 100;

    private const double MaxLogStep = 2;
    private const int MaxHalvings = 40;

    public static GsimMarketModel Instance { get; } = new();

    public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent)
    {
        ArgumentNullException.ThrowIfNull(sector);
        var system = new SectorSystem(sector, tariffAfterPercent);
        var worldPrices = new double[sector.Suppliers.Count];
        Array.Fill(worldPrices, 1.0);
        var iterations = double.IsPositiveInfinity(sector.Sector.SupplyElasticity) ? 0 : system.Solve(worldPrices);
        var effects = system.Effects(worldPrices);
        return new SectorSolution(sector.Sector.Name, effects, ProducerSurplus.Supplies(sector, effects, worldPrices), [], iterations);
    }

    /// <summary>One sector's clearing conditions at the tariffs after, in log world prices.</summary>
    private sealed class SectorSystem
    {
        private readonly SectorMarkets _sector;
        private readonly CesMarket[] _markets;
        private readonly double[][] _tariffs;
        private readonly int[][] _supplierOf;
        private readonly double _supply;
        private readonly int _n;

        public SectorSystem(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent)
        {
            _sector = sector;
            _supply = sector.Sector.SupplyElasticity;
            _n = sector.Suppliers.Count;
            _markets = new CesMarket[sector.Markets.Count];
            _tariffs = new double[_markets.Length][];
            _supplierOf = new int[_markets.Length][];
            for (var m = 0; m < _markets.Length; m++)
            {
                var market = sector.Markets[m];
                _markets[m] = new CesMarket(market);
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

        /// <summary>Finds the clearing world prices, starting from and written into <paramref name="worldPrices"/>; returns the Newton steps taken.</summary>
        public int Solve(double[] worldPrices)
        {
            var x = new double[_n];
            var residual = new double[_n];
            var jacobian = new double[_n, _n];
            var imbalance = Evaluate(x, residual, jacobian, out var worst);
            var iterations = 0;
            while (imbalance > Tolerance)
            {
                if (iterations == MaxIterations)
                {
                    throw Failure($"no convergence in {MaxIterations} iterations", iterations, imbalance, worst);
                }

                var step = residual.Select(f => -f).ToArray();
                if (!LinearSystem.TrySolve(jacobian, step))
                {
                    throw Failure("the Jacobian of the clearing conditions is singular", iterations, imbalance, worst);
                }

                var largest = step.Max(Math.Abs);
                if (largest > MaxLogStep)
                {
                    for (var k = 0; k < _n; k++)
                    {
                        step[k] *= MaxLogStep / largest;
                    }
                }

                x = LineSearch(x, step, residual, jacobian, ref imbalance, ref worst, iterations);
                iterations++;
            }

            for (var k = 0; k < _n; k++)
            {
                worldPrices[k] = Math.Exp(x[k]);
            }

            return iterations;
        }

        /// <summary>
        /// Backtracks from the full Newton step until ½‖F‖² decreases enough (Armijo, c = 1e-4);
        /// the Newton direction's slope is −‖F‖². Leaves F, its Jacobian and the imbalance at the new point.
        /// </summary>
        private double[] LineSearch(double[] x, double[] step, double[] residual, double[,] jacobian, ref double imbalance, ref int worst, int iterations)
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
                if (double.IsFinite(trialMerit) && (trialMerit <= (1 - 2e-4 * alpha) * merit || trialImbalance <= Tolerance))
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
        private double Evaluate(double[] x, double[] residual, double[,] jacobian, out int worst)
        {
            var demand = new double[_n];
            Array.Clear(jacobian);
            for (var m = 0; m < _markets.Length; m++)
            {
                var market = _markets[m];
                var suppliers = _supplierOf[m];
                var prices = suppliers.Select(k => Math.Exp(x[k])).ToArray();
                var ratios = new double[suppliers.Length];
                var shares = new double[suppliers.Length];
                market.ConsumerPriceRatios(_tariffs[m], prices, ratios);
                var priceIndex = market.PriceIndexRatio(ratios);
                var quantityRatio = market.QuantityRatio(priceIndex);
                market.CurrentShares(ratios, shares);
                for (var j = 0; j < suppliers.Length; j++)
                {
                    var baseValue = market.Market.Suppliers[j].BaseValue;
                    if (baseValue <= 0)
                    {
                        continue;
                    }

                    var k = suppliers[j];
                    var quantity = baseValue * market.Substitution(ratios[j], priceIndex) * quantityRatio;
                    demand[k] += quantity;

                    // Σ_i q_ij ∂ln q_ij/∂x_l, divided by D_j below: −σ q on the diagonal, (σ − ε) w_il q for every l.
                    jacobian[k, k] -= market.Sigma * quantity;
                    for (var l = 0; l < suppliers.Length; l++)
                    {
                        jacobian[k, suppliers[l]] += (market.Sigma - market.Epsilon) * shares[l] * quantity;
                    }
                }
            }

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

                var supply = baseSales * Math.Exp(_supply * x[k]);
                residual[k] = Math.Log(demand[k]) - Math.Log(baseSales) - _supply * x[k];
                for (var l = 0; l < _n; l++)
                {
                    jacobian[k, l] /= demand[k];
                }

                jacobian[k, k] -= _supply;
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

        private EquilibriumNotFoundException Failure(string reason, int iterations, double imbalance, int worst) =>
            new(_sector.Sector.Name, iterations, imbalance, string.Create(CultureInfo.InvariantCulture,
                $"gsim found no equilibrium in sector {_sector.Sector.Name}: {reason} (after {iterations} iterations, the largest relative excess demand is {imbalance:g3}, for supplier {_sector.Suppliers[worst]}, with ε_x = {_supply})."));
    }
}
