namespace Simulation.Model.Economics;

/// <summary>
/// A country's trade before and after, from a set of market effects: exports by partner, total
/// exports and imports, at world prices. Partners are ordered by id so output is stable.
/// </summary>
public sealed record TradeAccounts(
    string Country,
    IReadOnlyDictionary<string, double> ExportsBefore,
    IReadOnlyDictionary<string, double> ExportsAfter,
    double ImportsBefore,
    double ImportsAfter)
{
    public double ExportsChange => ExportsAfter.Values.Sum() - ExportsBefore.Values.Sum();

    public double ImportsChange => ImportsAfter - ImportsBefore;

    /// <summary>Each partner's share of the country's exports in the base data.</summary>
    public ExportShares SharesBefore => ExportShares.Of(ExportsBefore);

    /// <summary>Each partner's share of the country's exports after the change.</summary>
    public ExportShares SharesAfter => ExportShares.Of(ExportsAfter);

    public static TradeAccounts For(string country, IEnumerable<MarketEffect> effects)
    {
        var before = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var after = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var importsBefore = 0.0;
        var importsAfter = 0.0;
        foreach (var market in effects)
        {
            foreach (var supplier in market.Suppliers)
            {
                if (market.Key.Importer == country && supplier.Exporter != country)
                {
                    importsBefore += supplier.ValueBefore;
                    importsAfter += supplier.ValueAfter;
                }
                else if (supplier.Exporter == country && market.Key.Importer != country)
                {
                    var partner = market.Key.Importer;
                    before[partner] = before.GetValueOrDefault(partner) + supplier.ValueBefore;
                    after[partner] = after.GetValueOrDefault(partner) + supplier.ValueAfter;
                }
            }
        }

        return new TradeAccounts(country, before, after, importsBefore, importsAfter);
    }
}
