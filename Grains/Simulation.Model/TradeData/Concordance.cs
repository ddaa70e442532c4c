using Simulation.Model.Input;

namespace Simulation.Model.TradeData;

/// <summary>
/// Which scenario sector each product code belongs to, from rows <c>product, sector</c>. A row's code
/// is a prefix: a product maps by the longest code that begins it, so <c>1514</c> covers <c>151411</c>
/// and <c>151419</c>, and a row <c>151419</c> beside it takes that one product elsewhere. Codes are
/// compared as text, so leading zeros matter (<c>0101</c>, as HS writes it, not <c>101</c>).
/// </summary>
public sealed class Concordance
{
    private readonly Dictionary<string, string> _sectorByPrefix;

    private Concordance(Dictionary<string, string> sectorByPrefix) => _sectorByPrefix = sectorByPrefix;

    /// <summary>Reads the file at <paramref name="path"/>; null with the problems in <paramref name="errors"/>.</summary>
    public static Concordance? Read(string path, List<InputError> errors)
    {
        var file = ColumnCsv.Read(path, [new CsvColumn("product", ["product"]), new CsvColumn("sector", ["sector"])], errors);
        if (file is null)
        {
            return null;
        }

        var sectors = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in file.Rows)
        {
            var product = ColumnCsv.Text(row, "product", path, errors);
            var sector = ColumnCsv.Text(row, "sector", path, errors);
            if (product is null || sector is null)
            {
                continue;
            }

            if (!lines.TryAdd(product, row.Line))
            {
                errors.Add(new InputError(path, row.Line, null, "product", $"product {product} is mapped twice (the first is at line {lines[product]})"));
                continue;
            }

            sectors.Add(product, sector);
        }

        return new Concordance(sectors);
    }

    /// <summary>The sector of <paramref name="product"/> by its longest mapped prefix, or null when no code begins it.</summary>
    public string? SectorOf(string product) => LongestPrefix.Find(_sectorByPrefix, product);
}
