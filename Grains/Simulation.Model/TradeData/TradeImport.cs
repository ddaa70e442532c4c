using System.Globalization;
using Simulation.Model.Input;

namespace Simulation.Model.TradeData;

/// <summary>
/// Product-level flows aggregated into scenario sectors (the <c>import-trade</c> command, DESIGN §6.1):
/// the lines of trade by importer, exporter and sector, sorted, and the flows whose product no
/// concordance code covers, which are reported rather than dropped silently.
/// </summary>
/// <remarks>
/// A line's value is the sum of its products' values divided by <c>divideBy</c> (Comtrade reports US
/// dollars; a scenario's unit is USD millions by default). Its tariff is the import-weighted average of
/// its products' tariffs, Σ v·t / Σ v, as WITS reports a weighted applied tariff; when its products all
/// trade nothing the weights are undefined and the simple average is used. With a schedule, a mapped
/// product without a tariff is an error: a missing rate would otherwise enter the average as 0.
/// Weighted tariffs are rounded to 1e-6 percentage points, below any published rate's precision,
/// so that sums in a different order write the same file.
/// </remarks>
public sealed record TradeImport(IReadOnlyList<SectorLine> Lines, IReadOnlyList<ProductFlow> Unmapped, bool WithTariffs)
{
    /// <summary>Decimals a tariff is written with.</summary>
    public const int TariffDecimals = 6;

    /// <summary>
    /// Aggregates <paramref name="flows"/> (read from <paramref name="flowsFile"/>) by <paramref name="concordance"/>, with
    /// tariffs from <paramref name="tariffs"/> when given.
    /// </summary>
    /// <exception cref="InvalidInputException">A mapped product that trades has no tariff; each is named with its line.</exception>
    public static TradeImport Aggregate(IReadOnlyList<ProductFlow> flows, Concordance concordance, TariffSchedule? tariffs, double divideBy, string flowsFile)
    {
        ArgumentNullException.ThrowIfNull(flows);
        ArgumentNullException.ThrowIfNull(concordance);
        if (!(divideBy > 0) || !double.IsFinite(divideBy))
        {
            throw new ArgumentOutOfRangeException(nameof(divideBy), divideBy, "must be a positive finite number");
        }

        var unmapped = new List<ProductFlow>();
        var untariffed = new List<InputError>();
        var untariffedValue = 0.0;
        var byLine = new SortedDictionary<(string Importer, string Exporter, string Sector), List<(ProductFlow Flow, double? Tariff)>>(LineOrder.Instance);
        foreach (var flow in flows)
        {
            if (concordance.SectorOf(flow.Product) is not { } sector)
            {
                unmapped.Add(flow with { Value = flow.Value / divideBy });
                continue;
            }

            var rate = tariffs?.Find(flow.Importer, flow.Exporter, flow.Product);
            if (tariffs is not null && rate is null)
            {
                untariffed.Add(new InputError(flowsFile, flow.Line, null, "product",
                    $"no tariff for product {flow.Product} into {flow.Importer} from {flow.Exporter}: add a row to the tariffs, exporter {TariffSchedule.Mfn} for the MFN rate"));
                untariffedValue += flow.Value / divideBy;
            }

            var key = (flow.Importer, flow.Exporter, sector);
            if (!byLine.TryGetValue(key, out var products))
            {
                byLine.Add(key, products = []);
            }

            products.Add((flow, rate?.Percent));
        }

        if (untariffed.Count > 0)
        {
            untariffed.Add(new InputError(flowsFile, null, null, "",
                $"{untariffed.Count} product{(untariffed.Count == 1 ? "" : "s")} worth {untariffedValue.ToString("R", CultureInfo.InvariantCulture)} in all have no tariff; nothing was written"));
            throw new InvalidInputException(untariffed);
        }

        var lines = byLine.Select(entry => Line(entry.Key, entry.Value, tariffs is not null, divideBy)).ToList();
        unmapped.Sort((a, b) => LineOrder.Instance.Compare((a.Importer, a.Exporter, a.Product), (b.Importer, b.Exporter, b.Product)));
        return new TradeImport(lines, unmapped, tariffs is not null);
    }

    private static SectorLine Line((string Importer, string Exporter, string Sector) key, List<(ProductFlow Flow, double? Tariff)> products, bool withTariffs, double divideBy)
    {
        // Summed in product-code order, so the file's row order cannot change a digit.
        products.Sort((a, b) => string.CompareOrdinal(a.Flow.Product, b.Flow.Product));
        var value = products.Sum(p => p.Flow.Value);
        double? weighted = null;
        double? simple = null;
        if (withTariffs)
        {
            // Every product has a rate here: one without is refused above.
            simple = products.Average(p => p.Tariff!.Value);
            weighted = value > 0 ? products.Sum(p => p.Flow.Value * p.Tariff!.Value) / value : simple;
            weighted = Math.Round(weighted.Value, TariffDecimals);
        }

        return new SectorLine(key.Importer, key.Exporter, key.Sector, value / divideBy, weighted, simple, products.Count);
    }

    /// <summary>Ordinal order of (importer, exporter, sector or product): the file's rows and the reports follow it.</summary>
    private sealed class LineOrder : IComparer<(string, string, string)>
    {
        public static LineOrder Instance { get; } = new();

        public int Compare((string, string, string) x, (string, string, string) y)
        {
            var byImporter = string.CompareOrdinal(x.Item1, y.Item1);
            if (byImporter != 0)
            {
                return byImporter;
            }

            var byExporter = string.CompareOrdinal(x.Item2, y.Item2);
            return byExporter != 0 ? byExporter : string.CompareOrdinal(x.Item3, y.Item3);
        }
    }
}
