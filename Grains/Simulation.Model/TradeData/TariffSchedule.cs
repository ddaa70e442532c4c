using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.TradeData;

/// <summary>
/// Applied ad-valorem tariffs (percent) by importer, exporter and product, from rows
/// <c>importer, exporter, product, tariff</c>. Exporter <c>*</c> is the MFN rate, for every partner
/// without a row of its own for the product. A product's rate is found as in <see cref="Concordance"/>,
/// by the longest code that begins it (an exact HS-6 code being the longest): first among the
/// partner's own rows, then among the MFN rows.
/// </summary>
public sealed class TariffSchedule
{
    /// <summary>The exporter that stands for every partner without a row of its own.</summary>
    public const string Mfn = "*";

    private readonly Dictionary<(string Importer, string Exporter), Dictionary<string, Rate>> _rates;

    private TariffSchedule(Dictionary<(string, string), Dictionary<string, Rate>> rates) => _rates = rates;

    /// <summary>Reads the file at <paramref name="path"/>; null with the problems in <paramref name="errors"/>.</summary>
    public static TariffSchedule? Read(string path, List<InputError> errors)
    {
        var file = ColumnCsv.Read(path,
            [new CsvColumn("importer", ["importer"]), new CsvColumn("exporter", ["exporter"]), new CsvColumn("product", ["product"]), new CsvColumn("tariff", ["tariff"])],
            errors);
        if (file is null)
        {
            return null;
        }

        var rates = new Dictionary<(string, string), Dictionary<string, Rate>>();
        foreach (var row in file.Rows)
        {
            var importer = ColumnCsv.Text(row, "importer", path, errors);
            var exporter = ColumnCsv.Text(row, "exporter", path, errors);
            var product = ColumnCsv.Text(row, "product", path, errors);
            var tariff = ColumnCsv.Number(row, "tariff", path, 0, ScenarioRanges.MaxTariffPercent, errors);
            if (importer is null || exporter is null || product is null || tariff is null)
            {
                continue;
            }

            if (!rates.TryGetValue((importer, exporter), out var byProduct))
            {
                rates.Add((importer, exporter), byProduct = new Dictionary<string, Rate>(StringComparer.Ordinal));
            }

            if (!byProduct.TryAdd(product, new Rate(tariff.Value, row.Line)))
            {
                errors.Add(new InputError(path, row.Line, null, "product",
                    $"a second tariff for product {product} into {importer} from {exporter} (the first is at line {byProduct[product].Line})"));
            }
        }

        return new TariffSchedule(rates);
    }

    /// <summary>The tariff on <paramref name="product"/> from <paramref name="exporter"/> into <paramref name="importer"/>, or null when no row covers it.</summary>
    public Rate? Find(string importer, string exporter, string product) =>
        (_rates.TryGetValue((importer, exporter), out var own) ? LongestPrefix.Find(own, product) : null)
        ?? (_rates.TryGetValue((importer, Mfn), out var mfn) ? LongestPrefix.Find(mfn, product) : null);

    /// <summary>A tariff in percent and the line of the schedule it was read from.</summary>
    public sealed record Rate(double Percent, int Line);
}
