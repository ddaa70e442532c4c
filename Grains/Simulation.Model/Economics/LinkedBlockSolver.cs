using System.Globalization;
using Simulation.Model.Registries;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// Solves the sectors of one linked block jointly (DESIGN §3.2 "Vertical links"). Sector by sector
/// the market model is exact given two kinds of terms from the rest of the block: each linked
/// producer's input costs Σ_k a_k P̂_ck (its supply side) and each input market's derived demand
/// Σ_s a_k X0_cs X̂_cs (its demand side). The block is in equilibrium when the price indices P̂ and
/// output changes X̂ the sector solves give back are the ones they were given: z = F(z) in
/// z = (ln P̂ of every input market, ln X̂ of every linked producer).
/// </summary>
/// <remarks>
/// Newton's method on G(z) = F(z) − z, with G's Jacobian by forward differences (one block solve per
/// unknown; blocks have a handful: canola seed, oil and meal in China have three), and a backtracking
/// line search on max|G|. Not plain iteration z ← F(z): its gain is the product of how much a dearer
/// input cuts output (a_k/(1 − Σ a) · ε_x, 2.3·ε_x for oil made at a 0.7 seed share) and how much less
/// output lowers the input's price, which exceeds 1 with a seed share of 0.7 and elastic crushing,
/// where the iteration oscillates away from the answer; Newton converges wherever the sector solves
/// do. Each F is exact to the model's own tolerance; the block stops when max|G| ≤
/// <see cref="GsimMarketModel.Tolerance"/>, a relative change of 1e-10 in every P̂ and X̂.
/// </remarks>
internal sealed class LinkedBlockSolver
{
    private const int MaxIterations = 50;
    private const int MaxHalvings = 30;
    private const double Step = 1e-7;

    private readonly IReadOnlyList<SectorMarkets> _sectors;
    private readonly Producer[] _producers;
    private readonly InputMarket[] _inputMarkets;

    private LinkedBlockSolver(IReadOnlyList<SectorMarkets> sectors, Producer[] producers, InputMarket[] inputMarkets)
    {
        _sectors = sectors;
        _producers = producers;
        _inputMarkets = inputMarkets;
    }

    /// <summary>The block's sectors, in scenario order.</summary>
    public IReadOnlyList<SectorMarkets> Sectors => _sectors;

    /// <summary>
    /// The solver of the block made of <paramref name="sectors"/> under <paramref name="inputs"/>
    /// (rows of other sectors are ignored). A row whose country does not sell the sector has no
    /// output to buy inputs for and adds nothing; every input market exists (the loader checks it).
    /// </summary>
    public static LinkedBlockSolver For(IReadOnlyList<SectorMarkets> sectors, IEnumerable<InputShare> inputs)
    {
        var position = sectors.Select((s, i) => (s.Sector.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.Ordinal);
        var producers = new List<Producer>();
        var markets = new List<InputMarket>();
        var users = new List<List<(int Producer, double Share)>>();
        int MarketOf(string country, string input)
        {
            var at = markets.FindIndex(m => m.Country == country && m.Sector == position[input]);
            if (at >= 0)
            {
                return at;
            }

            var index = sectors[position[input]].Markets.Select((m, i) => (m, i)).First(x => x.m.Importer == country).i;
            markets.Add(new InputMarket(country, position[input], index, []));
            users.Add([]);
            return markets.Count - 1;
        }

        foreach (var rows in inputs.Where(r => position.ContainsKey(r.Sector)).GroupBy(r => (r.Country, r.Sector)))
        {
            var (country, sector) = rows.Key;
            var markets_ = sectors[position[sector]];
            if (!markets_.Suppliers.Contains(country, StringComparer.Ordinal) || markets_.BaseSales(markets_.IndexOf(country)) <= 0)
            {
                continue;
            }

            var supplier = markets_.IndexOf(country);
            var uses = rows.Select(r => (Market: MarketOf(country, r.Input), r.Share)).ToArray();
            foreach (var (market, share) in uses)
            {
                users[market].Add((producers.Count, share));
            }

            producers.Add(new Producer(country, position[sector], supplier, markets_.BaseSales(supplier), rows.Sum(r => r.Share), uses));
        }

        var inputMarkets = markets.Select((m, i) => m with { Users = [.. users[i]] }).ToArray();
        return new LinkedBlockSolver(sectors, [.. producers], inputMarkets);
    }

    /// <summary>The block's sectors solved jointly with <paramref name="model"/>, in scenario order.</summary>
    public IReadOnlyList<SectorSolution> Solve(IMarketModel model, Func<TariffLine, double> tariffAfterPercent, Func<TariffLine, TariffRateQuota?> quotaOf)
    {
        if (model is not ILinkedMarketModel linked)
        {
            throw new ArgumentException(
                $"Model {model.Name} cannot solve sectors linked by inputs ({string.Join(", ", _sectors.Select(s => s.Sector.Name))}): it has no producer price to net input costs out of; use gsim or ces.",
                nameof(model));
        }

        var n = _inputMarkets.Length + _producers.Length;
        var z = new double[n];
        var (solutions, g) = Evaluate(linked, tariffAfterPercent, quotaOf, z);
        var imbalance = g.Max(Math.Abs);
        var jacobian = new double[n, n];
        for (var iteration = 0; imbalance > GsimMarketModel.Tolerance; iteration++)
        {
            if (iteration >= MaxIterations)
            {
                throw Failure($"no convergence in {MaxIterations} iterations", imbalance);
            }

            for (var j = 0; j < n; j++)
            {
                var shifted = (double[])z.Clone();
                shifted[j] += Step;
                var (_, gj) = Evaluate(linked, tariffAfterPercent, quotaOf, shifted);
                for (var i = 0; i < n; i++)
                {
                    jacobian[i, j] = (gj[i] - g[i]) / Step;
                }
            }

            var step = g.Select(v => -v).ToArray();
            if (!LinearSystem.TrySolve(jacobian, step))
            {
                throw Failure("the Jacobian of the block's conditions is singular or not finite", imbalance);
            }

            (z, solutions, g, imbalance) = LineSearch(linked, tariffAfterPercent, quotaOf, z, step, imbalance);
        }

        return solutions;
    }

    /// <summary>
    /// Backtracks from the Newton step until max|G| falls (by a factor 1 − 1e-4·α) or meets the
    /// tolerance. A trial at which a sector has no equilibrium (an input price too far off) is a
    /// step too long, like one that does not reduce G.
    /// </summary>
    private (double[] Z, IReadOnlyList<SectorSolution> Solutions, double[] G, double Imbalance) LineSearch(
        ILinkedMarketModel model, Func<TariffLine, double> tariffAfterPercent, Func<TariffLine, TariffRateQuota?> quotaOf, double[] z, double[] step, double imbalance)
    {
        var alpha = 1.0;
        for (var halving = 0; halving <= MaxHalvings; halving++, alpha /= 2)
        {
            var trial = z.Select((v, i) => v + alpha * step[i]).ToArray();
            try
            {
                var (solutions, g) = Evaluate(model, tariffAfterPercent, quotaOf, trial);
                var trialImbalance = g.Max(Math.Abs);
                if (trialImbalance <= GsimMarketModel.Tolerance || trialImbalance <= (1 - 1e-4 * alpha) * imbalance)
                {
                    return (trial, solutions, g, trialImbalance);
                }
            }
            catch (EquilibriumNotFoundException)
            {
                // A step too long: halve it.
            }
        }

        throw Failure("the line search found no step that brings the sectors closer to agreeing", imbalance);
    }

    /// <summary>Every sector solved given the terms z stands for, and G(z) = F(z) − z.</summary>
    private (IReadOnlyList<SectorSolution> Solutions, double[] G) Evaluate(
        ILinkedMarketModel model, Func<TariffLine, double> tariffAfterPercent, Func<TariffLine, TariffRateQuota?> quotaOf, double[] z)
    {
        var solutions = new SectorSolution[_sectors.Count];
        for (var s = 0; s < solutions.Length; s++)
        {
            var costs = new Dictionary<string, InputCost>(StringComparer.Ordinal);
            var derived = new Dictionary<string, IntermediateDemand>(StringComparer.Ordinal);
            foreach (var producer in _producers.Where(p => p.Sector == s))
            {
                costs[producer.Country] = new InputCost(producer.ShareSum, producer.Uses.Sum(u => u.Share * Math.Exp(z[u.Market])));
            }

            for (var m = 0; m < _inputMarkets.Length; m++)
            {
                var market = _inputMarkets[m];
                if (market.Sector == s)
                {
                    derived[market.Country] = new IntermediateDemand(
                        market.Users.Sum(u => u.Share * _producers[u.Producer].BaseSales),
                        market.Users.Sum(u => u.Share * _producers[u.Producer].BaseSales * Math.Exp(z[_inputMarkets.Length + u.Producer])));
                }
            }

            var terms = new SectorLinkTerms(costs, derived);
            solutions[s] = TariffRateQuotas.Solve(new WithTerms(model, terms), _sectors[s], tariffAfterPercent, quotaOf);
        }

        var g = new double[z.Length];
        for (var m = 0; m < _inputMarkets.Length; m++)
        {
            var market = _inputMarkets[m];
            g[m] = Math.Log(solutions[market.Sector].Markets[market.Market].BuyersPriceIndex) - z[m];
        }

        for (var p = 0; p < _producers.Length; p++)
        {
            var producer = _producers[p];
            var sales = solutions[producer.Sector].Suppliers[producer.Supplier].SalesAfter;
            g[_inputMarkets.Length + p] = Math.Log(sales / producer.BaseSales) - z[_inputMarkets.Length + p];
        }

        if (g.Any(v => !double.IsFinite(v)))
        {
            throw Failure("a price index or an output change is not a finite number", double.PositiveInfinity);
        }

        return (solutions, g);
    }

    private EquilibriumNotFoundException Failure(string reason, double imbalance) =>
        new(string.Join(" + ", _sectors.Select(s => s.Sector.Name)), 0, imbalance, string.Create(CultureInfo.InvariantCulture,
            $"The sectors linked by inputs ({string.Join(", ", _sectors.Select(s => s.Sector.Name))}) found no joint equilibrium: {reason} " +
            $"(the largest relative disagreement between them is {imbalance:g3})."));

    /// <summary>A linked producer: country c making sector s (position in the block), its supplier index there, X0_cs, Σ a_k and its input markets with a_k.</summary>
    private sealed record Producer(string Country, int Sector, int Supplier, double BaseSales, double ShareSum, (int Market, double Share)[] Uses);

    /// <summary>c's market for input k: sector k's position in the block, the market's index in it, and the producers buying there with a_k.</summary>
    private sealed record InputMarket(string Country, int Sector, int Market, (int Producer, double Share)[] Users);

    /// <summary>The model with one sector's terms held: what <see cref="TariffRateQuotas"/> solves, quotas and all.</summary>
    private sealed class WithTerms(ILinkedMarketModel model, SectorLinkTerms terms) : IMarketModel
    {
        public string Name => model.Name;

        public string Description => model.Description;

        public IReadOnlyList<EntryParameter> Parameters => model.Parameters;

        public SectorSolution SolveSector(SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent) =>
            model.SolveSector(sector, tariffAfterPercent, terms);
    }
}
