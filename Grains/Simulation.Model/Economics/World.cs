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

    private World(
        IReadOnlyList<Market> markets,
        IReadOnlyList<SectorMarkets> sectors,
        IReadOnlyDictionary<string, Sector> sectorsByName,
        ImmutableDictionary<TariffLine, double> tariffs,
        ImmutableDictionary<TariffLine, TariffRateQuota> quotas)
    {
        _quotas = quotas;
        Markets = markets;
        _sectorList = sectors;
        _sectors = sectors.ToDictionary(s => s.Sector.Name, StringComparer.Ordinal);
        _sectorsByName = sectorsByName;
        _tariffs = tariffs;
    }

    /// <summary>Every market, in the order its first trade flow (or, for a market without imports, its domestic sales) appears in the scenario.</summary>
    public IReadOnlyList<Market> Markets { get; }

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
        return new World(markets, bySector, sectorsByName, tariffs.ToImmutable(), quotas.ToImmutable());
    }

    /// <summary>
    /// The tariff that priced a flow's base imports: its tariff, or under a quota the in-quota tariff
    /// when the base value is within the volume (the quota not binding, or binding without rent) and the
    /// over-quota tariff above it (the quota filled). The base data cannot tell a binding quota's
    /// price gap, so a base value at the volume is taken to carry no rent.
    /// </summary>
    private static double BaseTariffOf(TradeFlow flow) =>
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

        return new World(Markets, _sectorList, _sectorsByName, builder.ToImmutable(), _quotas);
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

        return new World(Markets, _sectorList, _sectorsByName, _tariffs, builder.ToImmutable());
    }

    /// <summary>The effects of the tariffs in force, relative to the base data, sector by sector in scenario order.</summary>
    public IReadOnlyList<SectorSolution> Solve(IMarketModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _sectorList.Select(sector => TariffRateQuotas.Solve(model, sector, TariffOf, QuotaOf)).ToList();
    }
}
