using System.Collections.Immutable;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// The world as it stands: the scenario's base trade data, grouped into markets, and the tariffs in
/// force now. Immutable: an agreement or an event yields a new world. Every market model works
/// from the base data to the tariffs in force, so effects never accumulate rounding or path
/// dependence, and the world can be rebuilt anywhere from the scenario and the list of changes.
/// </summary>
public sealed class World
{
    private readonly IReadOnlyList<SectorMarkets> _sectorList;
    private readonly IReadOnlyDictionary<string, SectorMarkets> _sectors;
    private readonly IReadOnlyDictionary<string, Sector> _sectorsByName;
    private readonly ImmutableDictionary<TariffLine, double> _tariffs;
    private readonly ImmutableDictionary<TariffLine, TariffRateQuota> _quotas;
    private readonly Links _links;

    private World(
        IReadOnlyList<Market> markets,
        IReadOnlyList<SectorMarkets> sectors,
        IReadOnlyDictionary<string, Sector> sectorsByName,
        ImmutableDictionary<TariffLine, double> tariffs,
        ImmutableDictionary<TariffLine, TariffRateQuota> quotas,
        Links links)
    {
        _links = links;
        _quotas = quotas;
        Markets = markets;
        _sectorList = sectors;
        _sectors = sectors.ToDictionary(s => s.Sector.Name, StringComparer.Ordinal);
        _sectorsByName = sectorsByName;
        _tariffs = tariffs;
    }

    /// <summary>Every market, in the order its first trade flow (or, for a market without imports, its domestic sales) appears in the scenario.</summary>
    public IReadOnlyList<Market> Markets { get; }

    /// <summary>Objective values already computed in this world (<see cref="ValuationMemo"/>); a changed world starts an empty one.</summary>
    public ValuationMemo Valuations { get; } = new();

    /// <summary>The sectors that have at least one market, in scenario order.</summary>
    public IEnumerable<string> Sectors => _sectorList.Select(s => s.Sector.Name);

    /// <summary>
    /// The scenario's world. Trade flows make the markets' import suppliers; domestic sales add the
    /// home producers to their home market, after its importers, at zero tariff (DESIGN §3.2); total
    /// sales (<c>supply:</c>) give suppliers their sales elsewhere.
    /// </summary>
    public static World FromScenario(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var sectorsByName = scenario.Sectors.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var suppliers = new Dictionary<MarketKey, List<MarketSupplier>>();
        var order = new List<MarketKey>();
        var tariffs = ImmutableDictionary.CreateBuilder<TariffLine, double>();
        var quotas = ImmutableDictionary.CreateBuilder<TariffLine, TariffRateQuota>();

        List<MarketSupplier> SuppliersOf(MarketKey key)
        {
            if (!suppliers.TryGetValue(key, out var list))
            {
                suppliers[key] = list = [];
                order.Add(key);
            }

            return list;
        }

        foreach (var flow in scenario.Trade)
        {
            SuppliersOf(new MarketKey(flow.Importer, flow.Sector)).Add(new MarketSupplier(flow.Exporter, flow.Value, BaseTariffOf(flow), flow.Quota));
            var line = new TariffLine(flow.Importer, flow.Exporter, flow.Sector);
            tariffs[line] = flow.TariffPercent;
            if (flow.Quota is { } quota)
            {
                quotas[line] = quota;
            }
        }

        foreach (var home in scenario.Domestic)
        {
            SuppliersOf(new MarketKey(home.Country, home.Sector)).Add(new MarketSupplier(home.Country, home.Value, 0));
        }

        var markets = order.Select(key => new Market(key, sectorsByName[key.Sector], suppliers[key])).ToList();
        var bySector = markets.GroupBy(m => m.Key.Sector).Select(g => new SectorMarkets(sectorsByName[g.Key], g.ToList(), scenario.Supply)).ToList();
        return new World(markets, bySector, sectorsByName, tariffs.ToImmutable(), quotas.ToImmutable(), Links.Of(scenario, bySector));
    }

    /// <summary>The sectors connected through the scenario's inputs (DESIGN §3.2), solved and valued together.</summary>
    public LinkedBlocks Blocks => _links.Blocks;

    /// <summary>The scenario's vertical links, in the order of the file.</summary>
    public IReadOnlyList<InputShare> Inputs => _links.Inputs;

    /// <summary>
    /// The tariff that priced a flow's base imports: its tariff, or under a quota the in-quota tariff
    /// when the base value is within the volume (the quota not binding, or binding without rent) and the
    /// over-quota tariff above it (the quota filled). The base data cannot tell a binding quota's
    /// price gap, so a base value at the volume is taken to carry no rent.
    /// </summary>
    internal static double BaseTariffOf(TradeFlow flow) =>
        flow.Quota is { } quota && flow.Value <= quota.Volume ? quota.InQuotaTariffPercent : flow.TariffPercent;

    /// <summary>The tariff-rate quota in force on a line, or null.</summary>
    public TariffRateQuota? QuotaOf(TariffLine line) => _quotas.TryGetValue(line, out var quota) ? quota : null;

    /// <summary>The tariff (percent) in force on a line of the base data.</summary>
    public double TariffOf(TariffLine line) =>
        _tariffs.TryGetValue(line, out var tariff)
            ? tariff
            : throw new ArgumentException($"There is no trade on {line} in this world.", nameof(line));

    public bool Trades(TariffLine line) => _tariffs.ContainsKey(line);

    /// <summary>A sector's markets and suppliers; none for a declared sector without trade.</summary>
    public SectorMarkets MarketsOf(string sector) =>
        _sectors.TryGetValue(sector, out var markets)
            ? markets
            : new SectorMarkets(
                _sectorsByName.TryGetValue(sector, out var declared) ? declared : throw new ArgumentException($"There is no sector {sector} in this world.", nameof(sector)),
                []);

    /// <summary>The world after a set of tariff changes.</summary>
    public World With(IEnumerable<TariffChange> changes)
    {
        var builder = _tariffs.ToBuilder();
        foreach (var change in changes)
        {
            if (!builder.ContainsKey(change.Line))
            {
                throw new ArgumentException($"There is no trade on {change.Line} in this world.", nameof(changes));
            }

            builder[change.Line] = change.TariffPercent;
        }

        return new World(Markets, _sectorList, _sectorsByName, builder.ToImmutable(), _quotas, _links);
    }

    /// <summary>The world after tariff-rate quotas are put on (or, with a null quota, taken off) lines; the lines' tariffs become their over-quota tariffs.</summary>
    public World WithQuotas(IEnumerable<QuotaChange> changes)
    {
        var builder = _quotas.ToBuilder();
        foreach (var change in changes)
        {
            if (!_tariffs.ContainsKey(change.Line))
            {
                throw new ArgumentException($"There is no trade on {change.Line} in this world.", nameof(changes));
            }

            if (change.Quota is { } quota)
            {
                builder[change.Line] = quota;
            }
            else
            {
                builder.Remove(change.Line);
            }
        }

        return new World(Markets, _sectorList, _sectorsByName, _tariffs, builder.ToImmutable(), _links);
    }

    /// <summary>
    /// The effects of the tariffs in force, relative to the base data, sector by sector in scenario
    /// order; the sectors of a linked block are solved together (DESIGN §3.2).
    /// </summary>
    public IReadOnlyList<SectorSolution> Solve(IMarketModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!Blocks.Any)
        {
            return _sectorList.Select(sector => TariffRateQuotas.Solve(model, sector, TariffOf, QuotaOf)).ToList();
        }

        var solved = new Dictionary<string, SectorSolution>(StringComparer.Ordinal);
        foreach (var sector in _sectorList.Where(s => !solved.ContainsKey(s.Sector.Name)))
        {
            foreach (var solution in SolveBlock(model, sector.Sector.Name, TariffOf, QuotaOf))
            {
                solved[solution.Sector] = solution;
            }
        }

        return [.. _sectorList.Select(s => solved[s.Sector.Name])];
    }

    /// <summary>
    /// The block of <paramref name="sector"/> (the sector alone when it is not linked) solved under
    /// the given tariffs and quotas: its sectors' solutions in scenario order, those without
    /// markets left out.
    /// </summary>
    public IReadOnlyList<SectorSolution> SolveBlock(IMarketModel model, string sector, Func<TariffLine, double> tariffAfterPercent, Func<TariffLine, TariffRateQuota?> quotaOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _links.SolverOf(sector) is { } block
            ? block.Solve(model, tariffAfterPercent, quotaOf)
            : [TariffRateQuotas.Solve(model, MarketsOf(sector), tariffAfterPercent, quotaOf)];
    }

    /// <summary>The scenario's inputs, the blocks they make and each block's solver, shared by every world derived from one scenario.</summary>
    private sealed class Links
    {
        private readonly Dictionary<string, LinkedBlockSolver> _solvers = new(StringComparer.Ordinal);

        private Links(IReadOnlyList<InputShare> inputs, LinkedBlocks blocks)
        {
            Inputs = inputs;
            Blocks = blocks;
        }

        public IReadOnlyList<InputShare> Inputs { get; }

        public LinkedBlocks Blocks { get; }

        public static Links Of(Scenario scenario, IReadOnlyList<SectorMarkets> sectors)
        {
            var links = new Links(scenario.Inputs, scenario.Blocks);
            var traded = sectors.ToDictionary(s => s.Sector.Name, StringComparer.Ordinal);
            foreach (var name in scenario.Sectors.Select(s => s.Name).Where(links.Blocks.IsLinked))
            {
                var block = links.Blocks.BlockOf(name);
                if (block[0] == name)
                {
                    var solver = LinkedBlockSolver.For([.. block.Where(traded.ContainsKey).Select(s => traded[s])], scenario.Inputs);
                    foreach (var member in block)
                    {
                        links._solvers[member] = solver;
                    }
                }
            }

            return links;
        }

        public LinkedBlockSolver? SolverOf(string sector) => _solvers.GetValueOrDefault(sector);
    }
}
