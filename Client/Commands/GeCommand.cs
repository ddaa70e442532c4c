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
        [Description("Trade elasticity θ, from 0.1 to 100, written with a '.' (default 4).")]
        public string? Theta { get; init; }

        /// <summary>θ as asked for, once <see cref="Validate"/> has accepted it.</summary>
        public double ThetaValue => Theta is null ? GeneralEquilibriumGravity.DefaultTheta : OptionValue.Number(Theta) ?? double.NaN;

        [CommandOption("--imbalances <MODE>")]
        [Description("How trade imbalances carry over: additive (default, as ge_gravity) or multiplicative.")]
        [DefaultValue("additive")]
        public string Imbalances { get; init; } = "additive";

        [CommandOption("--max-iterations <N>")]
        [Description("Iteration cap (default 10000); past it the command exits with 1, as ge_gravity's max_iter.")]
        public string? MaxIterations { get; init; }

        /// <summary>The iteration cap as asked for, once <see cref="Validate"/> has accepted it.</summary>
        public int MaxIterationsValue => MaxIterations is null ? GeneralEquilibriumGravity.DefaultMaxIterations : (int)(OptionValue.Integer(MaxIterations) ?? 0);

        [CommandOption("--format <FORMAT>")]
        [Description("table (default: welfare per country) or json (welfare and every flow).")]
        [DefaultValue("table")]
        public string Format { get; init; } = "table";

        public override ValidationResult Validate()
        {
            if (Theta is not null && (OptionValue.Number(Theta) is not { } theta || !GravityInputRanges.IsTheta(theta)))
            {
                return OptionValue.Error("--theta", Theta, $"expected a number {GravityInputRanges.ThetaRange}, written with a '.', e.g. 4 or 6.5");
            }

            if (MaxIterations is not null && OptionValue.Integer(MaxIterations) is not (>= 1 and <= int.MaxValue))
            {
                return OptionValue.Error("--max-iterations", MaxIterations, $"expected a whole number from 1 to {int.MaxValue}");
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
        var result = GeneralEquilibriumGravity.Solve(flows, settings.ThetaValue, imbalances, GeneralEquilibriumGravity.DefaultTolerance, settings.MaxIterationsValue);

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
                    Numbers.Format(country.Welfare, "0.0000000"),
                    Numbers.Format((country.Welfare - 1) * 100, "0.0000"));
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
