using System.ComponentModel;
using System.Globalization;
using Simulation.Client.Output;
using Simulation.Model.Gravity;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// `tradesim ge FLOWS.csv`: a general-equilibrium check of trade-cost changes with structural
/// gravity (DESIGN §3.4; Baier, Yotov &amp; Zylkin 2019, the `ge_gravity` Stata command).
/// </summary>
public sealed class GeCommand : Command<GeCommand.Settings>
{
    public sealed class Settings : CommandSettings
    {
        [CommandArgument(0, "<FLOWS.csv>")]
        [Description("CSV with columns exporter, importer, trade, beta: a square matrix including domestic flows.")]
        public string Flows { get; init; } = "";

        [CommandOption("--theta <THETA>")]
        [Description("Trade elasticity θ, a number > 0 written with a '.' (default 4).")]
        public string? Theta { get; init; }

        /// <summary>θ as asked for, once <see cref="Validate"/> has accepted it.</summary>
        public double ThetaValue => Theta is null ? GeneralEquilibriumGravity.DefaultTheta : OptionValue.Number(Theta) ?? double.NaN;

        [CommandOption("--imbalances <MODE>")]
        [Description("How trade imbalances carry over: additive (default, as ge_gravity) or multiplicative.")]
        [DefaultValue("additive")]
        public string Imbalances { get; init; } = "additive";

        [CommandOption("--format <FORMAT>")]
        [Description("table (default: welfare per country) or json (welfare and every flow).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            if (Theta is not null && OptionValue.Number(Theta) is not > 0)
            {
                return OptionValue.Error("--theta", Theta, "expected a finite number > 0 written with a '.', e.g. 4 or 6.5");
            }

            if (Imbalances is not ("additive" or "multiplicative"))
            {
                return OptionValue.Error("--imbalances", Imbalances, "expected additive or multiplicative");
            }

            return Format is "table" or "json" ? ValidationResult.Success() : OptionValue.Error("--format", Format, "expected table or json");
        }
    }

    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellation)
    {
        var flows = GravityFlowsCsv.Load(settings.Flows);
        var imbalances = settings.Imbalances == "additive" ? TradeImbalances.Additive : TradeImbalances.Multiplicative;
        var result = GeneralEquilibriumGravity.Solve(flows, settings.ThetaValue, imbalances);

        if (settings.Format == "json")
        {
            Console.Out.Write(JsonOutput.Serialize(result));
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title("Welfare (Ê/P̂)")
                .Caption($"θ = {settings.ThetaValue.ToString(CultureInfo.InvariantCulture)}, {settings.Imbalances} imbalances")
                .AddColumns("Country", "Welfare", "Change (%)");
            table.Columns[1].RightAligned();
            table.Columns[2].RightAligned();
            foreach (var country in result.Countries)
            {
                table.AddRow(
                    TerminalText.Markup(country.Id),
                    country.Welfare.ToString("0.0000000", CultureInfo.InvariantCulture),
                    ((country.Welfare - 1) * 100).ToString("0.0000", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(table);
            Reports.Stderr.MarkupLineInterpolated($"{result.Iterations} iterations; max |Δ ln X| {result.MaxLogChange:E2}");
        }

        if (!result.Converged)
        {
            Reports.Error($"no convergence after {result.Iterations} iterations (max |Δ ln X| {result.MaxLogChange:E2}); the numbers above are the last iterate, not an equilibrium");
            return TradeSimApp.Failed;
        }

        return TradeSimApp.Done;
    }
}
