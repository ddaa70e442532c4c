using Simulation.Model.Input;

namespace Simulation.Model.TradeData;

/// <summary>
/// Reads product-level trade flows: columns <c>importer, exporter, product, value</c>, or the names of a
/// UN Comtrade extract, <c>reporterISO, partnerISO, cmdCode, primaryValue</c>. Comtrade rows are a
/// reporter's flows: with a <c>flowCode</c> (or <c>flowDesc</c>) column, an import row (M, Import) has the
/// reporter as importer and an export row (X, Export) the partner, so a reporter's exports become its
/// partners' imports (mirror data); any other flow (re-exports, re-imports) is refused, to be filtered out
/// of the extract. Without such a column every row is the reporter's imports. Other column names are
/// mapped with <see cref="Renamable"/> names (the command's <c>--columns importer=Reporter,...</c>).
/// </summary>
public static class ProductFlowsCsv
{
    /// <summary>The columns whose header names can be given instead of the defaults.</summary>
    public static IReadOnlyList<string> Renamable { get; } = ["importer", "exporter", "product", "value", "reporter", "partner", "flow"];

    private static readonly Dictionary<string, string[]> s_defaults = new(StringComparer.Ordinal)
    {
        ["importer"] = ["importer"],
        ["exporter"] = ["exporter"],
        ["product"] = ["product", "cmdCode"],
        ["value"] = ["value", "primaryValue"],
        ["reporter"] = ["reporterISO"],
        ["partner"] = ["partnerISO"],
        ["flow"] = ["flowCode", "flowDesc"],
    };

    /// <summary>
    /// The flows in the file at <paramref name="path"/>, <paramref name="renamed"/> naming the header of
    /// a column where it differs from the default; null with the problems in <paramref name="errors"/>.
    /// </summary>
    public static IReadOnlyList<ProductFlow>? Read(string path, IReadOnlyDictionary<string, string> renamed, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(renamed);
        var columns = s_defaults
            .Select(d => new CsvColumn(d.Key, renamed.TryGetValue(d.Key, out var name) ? [name] : d.Value, Required: d.Key is "product" or "value"))
            .ToList();
        var file = ColumnCsv.Read(path, columns, errors);
        if (file is null)
        {
            return null;
        }

        var direct = file.Columns.Contains("importer") && file.Columns.Contains("exporter");
        if (!direct && !(file.Columns.Contains("reporter") && file.Columns.Contains("partner")))
        {
            errors.Add(new InputError(path, 1, null, "importer",
                "expected columns importer and exporter, or a Comtrade extract's reporterISO and partnerISO; name others with --columns importer=NAME,exporter=NAME"));
            return null;
        }

        var flows = new List<ProductFlow>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var row in file.Rows)
        {
            var (importer, exporter) = direct
                ? (ColumnCsv.Text(row, "importer", path, errors), ColumnCsv.Text(row, "exporter", path, errors))
                : Directed(row, path, file.Columns.Contains("flow"), errors);
            var product = ColumnCsv.Text(row, "product", path, errors);
            var value = ColumnCsv.Number(row, "value", path, 0, double.MaxValue, errors);
            if (importer is null || exporter is null || product is null || value is null)
            {
                continue;
            }

            if (importer == exporter)
            {
                errors.Add(new InputError(path, row.Line, null, "exporter", $"importer and exporter are both '{importer}'; a flow is between two countries"));
                continue;
            }

            if (!seen.TryAdd((importer, exporter, product), row.Line))
            {
                errors.Add(new InputError(path, row.Line, null, "product",
                    $"a second flow of product {product} from {exporter} to {importer} (the first is at line {seen[(importer, exporter, product)]}): " +
                    "an importer's and an exporter's report of the same flow, or a partner 'World' total? keep one"));
                continue;
            }

            flows.Add(new ProductFlow(importer, exporter, product, value.Value, row.Line));
        }

        return flows;
    }

    /// <summary>Importer and exporter of a Comtrade row, from its reporter, partner and flow direction.</summary>
    private static (string? Importer, string? Exporter) Directed(CsvRow row, string path, bool hasFlow, List<InputError> errors)
    {
        var reporter = ColumnCsv.Text(row, "reporter", path, errors);
        var partner = ColumnCsv.Text(row, "partner", path, errors);
        var flow = hasFlow ? row["flow"] ?? "" : "M";
        if (flow.Equals("M", StringComparison.OrdinalIgnoreCase) || flow.Equals("Import", StringComparison.OrdinalIgnoreCase))
        {
            return (reporter, partner);
        }

        if (flow.Equals("X", StringComparison.OrdinalIgnoreCase) || flow.Equals("Export", StringComparison.OrdinalIgnoreCase))
        {
            return (partner, reporter);
        }

        errors.Add(new InputError(path, row.Line, null, "flow",
            $"flow '{flow}' is neither an import (M, Import) nor an export (X, Export); leave re-exports and re-imports out of the extract"));
        return (null, null);
    }
}
