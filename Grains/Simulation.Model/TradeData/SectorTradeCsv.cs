using System.Globalization;
using System.Text;

namespace Simulation.Model.TradeData;

/// <summary>
/// Writes aggregated trade as the CSV a scenario reads with <c>trade: { file: NAME.csv }</c>: a header
/// <c>importer,exporter,sector,value,tariff</c> (no tariff column without a tariff schedule) and one row
/// per line, numbers written with a '.' and as few digits as read back the same.
/// </summary>
public static class SectorTradeCsv
{
    public static string Write(TradeImport import)
    {
        ArgumentNullException.ThrowIfNull(import);
        var withTariffs = import.WithTariffs;
        var text = new StringBuilder(withTariffs ? "importer,exporter,sector,value,tariff\n" : "importer,exporter,sector,value\n");
        foreach (var line in import.Lines)
        {
            text.Append(Field(line.Importer)).Append(',').Append(Field(line.Exporter)).Append(',').Append(Field(line.Sector))
                .Append(',').Append(line.Value.ToString("R", CultureInfo.InvariantCulture));
            if (line.Tariff is { } tariff)
            {
                text.Append(',').Append(tariff.ToString("R", CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>A field quoted as RFC 4180 asks when it holds a comma, a quote or a line break.</summary>
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
