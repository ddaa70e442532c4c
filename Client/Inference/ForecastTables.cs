using System.Globalization;
using Simulation.Client.Output;
using Simulation.Model.Inference.Forecasts;
using Spectre.Console;

namespace Simulation.Client.Inference;

/// <summary>A forecast for a person: the agreement probability, each issue's levels with their probabilities, and welfare with 90% intervals.</summary>
internal static class ForecastTables
{
    public static Table Issues(ForecastDistribution forecast)
    {
        var table = new Table().Title(TerminalText.Markup(string.Create(CultureInfo.InvariantCulture,
                $"Forecast of {forecast.Negotiation}: agreement {Numbers.Format(forecast.AgreementProbability, Numbers.Share)} of {forecast.Runs} runs")))
            .Border(TableBorder.Rounded)
            .Caption("Each issue's levels, status quo first: the share of runs that ended there (a run without agreement leaves every issue at its status quo)")
            .AddColumns("Issue", "Level", "Probability");
        table.Columns[2].RightAligned();
        foreach (var issue in forecast.Issues)
        {
            for (var k = 0; k < issue.Levels.Count; k++)
            {
                table.AddRow(
                    k == 0 ? TerminalText.Markup(issue.Issue) : "",
                    TerminalText.Markup(issue.Levels[k].Text + (k == 0 ? " (status quo)" : "")),
                    Numbers.Format(issue.Probabilities[k], Numbers.Share));
            }
        }

        return table;
    }

    public static Table Welfare(ForecastDistribution forecast)
    {
        var table = new Table().Title("Welfare change ΔW (consumer surplus + tariff revenue + producer surplus)").Border(TableBorder.Rounded)
            .Caption("Mean over the runs and the 90% interval (5% and 95% quantiles), in the scenario's unit at world prices")
            .AddColumns("Country", "Mean ΔW", "5%", "95%");
        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var (country, interval) in forecast.Welfare)
        {
            table.AddRow(
                TerminalText.Markup(country),
                Numbers.Format(interval.Mean, Numbers.Money),
                Numbers.Format(interval.Q05, Numbers.Money),
                Numbers.Format(interval.Q95, Numbers.Money));
        }

        return table;
    }
}
