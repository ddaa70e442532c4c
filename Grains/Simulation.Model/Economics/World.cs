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
    private readonly IReadOnlyDictionary<string, IReadOnlyList<Market>> marketsBySector;
    private readonly ImmutableDictionary<TariffLine, double> tariffs;

    private World(IReadOnlyList<Market> markets, IReadOnlyDictionary<string, IReadOnlyList<Market>> marketsBySector, ImmutableDictionary<TariffLine, double> tariffs)
    {
        Markets = markets;
        this.marketsBySector = marketsBySector;
        this.tariffs = tariffs;
    }

    /// <summary>Every market, in the order its first trade flow appears in the scenario.</summary>
    public IReadOnlyList<Market> Markets { get; }

    /// <summary>The sectors that have at least one market, in scenario order.</summary>
    public IEnumerable<string> Sectors => marketsBySector.Keys;

    public static World FromScenario(Scenario scenario)
    {
        var sectors = scenario.Sectors.ToDictionary(s => s.Name);
        var suppliers = new Dictionary<MarketKey, List<MarketSupplier>>();
        var order = new List<MarketKey>();
        var tariffs = ImmutableDictionary.CreateBuilder<TariffLine, double>();
        foreach (var flow in scenario.Trade)
        {
            var key = new MarketKey(flow.Importer, flow.Sector);
            if (!suppliers.TryGetValue(key, out var list))
            {
                suppliers[key] = list = [];
                order.Add(key);
            }

            list.Add(new MarketSupplier(flow.Exporter, flow.Value, flow.TariffPercent));
            tariffs[new TariffLine(flow.Importer, flow.Exporter, flow.Sector)] = flow.TariffPercent;
        }

        var markets = order.Select(key => new Market(key, sectors[key.Sector], suppliers[key])).ToList();
        var bySector = new Dictionary<string, IReadOnlyList<Market>>();
        foreach (var group in markets.GroupBy(m => m.Key.Sector))
        {
            bySector[group.Key] = group.ToList();
        }

        return new World(markets, bySector, tariffs.ToImmutable());
    }

    /// <summary>The tariff (percent) in force on a line of the base data.</summary>
    public double TariffOf(TariffLine line) =>
        tariffs.TryGetValue(line, out var tariff)
            ? tariff
            : throw new ArgumentException($"There is no trade on {line} in this world.", nameof(line));

    public bool Trades(TariffLine line) => tariffs.ContainsKey(line);

    public IReadOnlyList<Market> MarketsOf(string sector) =>
        marketsBySector.TryGetValue(sector, out var markets) ? markets : [];

    /// <summary>The world after a set of tariff changes.</summary>
    public World With(IEnumerable<TariffChange> changes)
    {
        var builder = tariffs.ToBuilder();
        foreach (var change in changes)
        {
            if (!builder.ContainsKey(change.Line))
            {
                throw new ArgumentException($"There is no trade on {change.Line} in this world.", nameof(changes));
            }

            builder[change.Line] = change.TariffPercent;
        }

        return new World(Markets, marketsBySector, builder.ToImmutable());
    }

    /// <summary>The effects of the tariffs in force, relative to the base data, in every market.</summary>
    public IReadOnlyList<MarketEffect> Solve(IMarketModel model) =>
        marketsBySector.Values.SelectMany(markets => model.SolveSector(markets, TariffOf)).ToList();
}
