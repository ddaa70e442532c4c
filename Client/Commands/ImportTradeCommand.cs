using System.ComponentModel;
using Simulation.Client.Output;
using Simulation.Model.Input;
using Simulation.Model.TradeData;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim import-trade FLOWS.csv --concordance MAP.csv [--tariffs TARIFFS.csv] --out trade.csv`:
/// product-level flows (a WITS or UN Comtrade extract) aggregated into a scenario's sectors, written as
/// the CSV a scenario reads with <c>trade: { file: trade.csv }</c> (DESIGN §6.1). The aggregation is the
/// model's (<see cref="TradeImport"/>); this command reads, reports and writes. Every problem in the
/// three files is reported at once (exit 2) and then nothing is written; the file is replaced whole.
/// </summary>
public sealed class ImportTradeCommand : AsyncCommand<ImportTradeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FLOWS.csv>")]
        [Description("Product-level flows: importer, exporter, product, value; or a Comtrade extract's reporterISO, partnerISO, cmdCode, primaryValue (with flowCode M or X).")]
        public string Flows { get; init; } = "";

        [CommandOption("--concordance <MAP.csv>")]
        [Description("product, sector: a product maps by the longest code that begins it (1514 covers 151411). Required.")]
        public string? Concordance { get; init; }

        [CommandOption("--tariffs <TARIFFS.csv>")]
        [Description("importer, exporter, product, tariff (percent); exporter * is the MFN rate for partners without their own row.")]
        public string? Tariffs { get; init; }

        [CommandOption("--out <FILE>")]
        [Description("The CSV to write: importer, exporter, sector, value, tariff. Required.")]
        public string? Out { get; init; }

        [CommandOption("--columns <MAP>")]
        [Description("Header names of FLOWS' columns where they differ, e.g. importer=Reporter,exporter=Partner,product=HS6,value=TradeValue (also reporter, partner, flow).")]
        public string? Columns { get; init; }

        [CommandOption("--divide-by <N>")]
        [Description("Divide every value by N, e.g. 1000000 for Comtrade's US dollars into a scenario's USD millions (default 1).")]
        public string? DivideBy { get; init; }

        /// <summary>The divisor asked for, once <see cref="Validate"/> has accepted it.</summary>
        public double DivideByValue => DivideBy is null ? 1 : OptionValue.Number(DivideBy) ?? double.NaN;

        /// <summary>The header names given by <c>--columns</c>, by column, once <see cref="Validate"/> has accepted them.</summary>
        public IReadOnlyDictionary<string, string> Renamed => ReadColumns(Columns, out _);

        public override ValidationResult Validate()
        {
            if (Concordance is null)
            {
                return ValidationResult.Error("--concordance is required: the CSV mapping product codes to sectors, e.g. --concordance map.csv");
            }

            if (Out is null)
            {
                return ValidationResult.Error("--out is required: the CSV to write, e.g. --out trade.csv");
            }

            if (DivideBy is not null && OptionValue.Number(DivideBy) is not (> 0 and < double.PositiveInfinity))
            {
                return OptionValue.Error("--divide-by", DivideBy, "expected a positive number written with a '.', e.g. 1000000");
            }

            ReadColumns(Columns, out var problem);
            return problem is null ? ValidationResult.Success() : OptionValue.Error("--columns", Columns, problem);
        }

        private static Dictionary<string, string> ReadColumns(string? text, out string? problem)
        {
            problem = null;
            var renamed = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in (text ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
                if (parts.Length != 2 || parts[1].Length == 0 || !ProductFlowsCsv.Renamable.Contains(parts[0]))
                {
                    problem = $"expected COLUMN=HEADER pairs separated by commas, COLUMN one of {string.Join(", ", ProductFlowsCsv.Renamable)}; got '{pair}'";
                    return renamed;
                }

                if (!renamed.TryAdd(parts[0], parts[1]))
                {
                    problem = $"{parts[0]} is given twice";
                    return renamed;
                }
            }

            return renamed;
        }
    }

    public override async Task<int> ExecuteAsync(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var output = OutputFile.Check("--out", settings.Out!, "trade.csv");
        var inputs = new[] { settings.Flows, settings.Concordance!, settings.Tariffs }.OfType<string>();
        if (inputs.FirstOrDefault(output.Replaces) is { } input)
        {
            throw output.Refuse($"is the input file '{input}'; writing would replace it");
        }

        // All three files are read before any is judged, so that every problem is reported at once.
        var errors = new List<InputError>();
        var flows = ProductFlowsCsv.Read(settings.Flows, settings.Renamed, errors);
        var concordance = Concordance.Read(settings.Concordance!, errors);
        var tariffs = settings.Tariffs is { } tariffsPath ? TariffSchedule.Read(tariffsPath, errors) : null;
        if (errors.Count > 0 || flows is null || concordance is null)
        {
            throw new InvalidInputException(errors);
        }

        var import = TradeImport.Aggregate(flows, concordance, tariffs, settings.DivideByValue, settings.Flows);
        await output.WriteAsync(SectorTradeCsv.Write(import), cancellation);
        Report(import, flows.Count, settings.Out!);
        return TradeSimApp.Done;
    }

    /// <summary>The lines written and the products left out, on stderr: the file itself is the result.</summary>
    private static void Report(TradeImport import, int products, string written)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Trade by sector")
            .AddColumns("Importer", "Exporter", "Sector", "Value", "Tariff, import-weighted (%)", "Tariff, simple average (%)", "Products");
        for (var i = 3; i < 7; i++)
        {
            table.Columns[i].RightAligned();
        }

        foreach (var line in import.Lines)
        {
            table.AddRow(TerminalText.Markup(line.Importer), TerminalText.Markup(line.Exporter), TerminalText.Markup(line.Sector),
                Numbers.Format(line.Value, "0.###"),
                line.Tariff is { } weighted ? Numbers.Format(weighted, "0.00") : "-",
                line.SimpleAverageTariff is { } simple ? Numbers.Format(simple, "0.00") : "-",
                line.Products.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        Reports.Stderr.Write(table);
        if (import.Unmapped.Count > 0)
        {
            // A line of its own rather than a table title, which would wrap over a narrow table.
            Console.Error.WriteLine(
                $"{import.Unmapped.Count} product flow{(import.Unmapped.Count == 1 ? "" : "s")} no concordance code covers, worth {Numbers.Format(import.Unmapped.Sum(u => u.Value), "0.###")} in all, not written:");
            var unmapped = new Table().Border(TableBorder.Rounded)
                .AddColumns("Importer", "Exporter", "Product", "Value", "Line");
            unmapped.Columns[3].RightAligned();
            unmapped.Columns[4].RightAligned();
            foreach (var flow in import.Unmapped)
            {
                unmapped.AddRow(TerminalText.Markup(flow.Importer), TerminalText.Markup(flow.Exporter), TerminalText.Markup(flow.Product),
                    Numbers.Format(flow.Value, "0.###"), flow.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            Reports.Stderr.Write(unmapped);
        }

        if (!import.WithTariffs)
        {
            Console.Error.WriteLine("note: no --tariffs, so the file has no tariff column; a scenario's trade needs one");
        }

        Console.Error.WriteLine(TerminalText.Safe(
            $"wrote {written}: {import.Lines.Count} lines from {products - import.Unmapped.Count} of {products} product flows ({import.Unmapped.Count} unmapped)"));
    }
}
