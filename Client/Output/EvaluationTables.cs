using Simulation.Client.Evaluation;
using Simulation.Model.Scenarios;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>An evaluation as tables: each changed market with its suppliers, then the countries.</summary>
public static class EvaluationTables
{
    public static void Write(IAnsiConsole console, TariffEvaluation evaluation, Scenario scenario)
    {
        console.MarkupLineInterpolated($"[bold]{TerminalText.Safe(scenario.Name)}[/]");
        console.MarkupLineInterpolated($"model {evaluation.Model} · values in {TerminalText.Safe(scenario.Units)} at world prices · tariffs in percent");
        foreach (var market in evaluation.Markets)
        {
            var table = new Table().Border(TableBorder.Rounded)
                .Title($"{market.Importer} imports of {Markup.Escape(market.Sector)}")
                .Caption($"ΔCS {Numbers.Format(market.ConsumerSurplusChange, Numbers.Money)} · ΔTR {Numbers.Format(market.TariffRevenueChange, Numbers.Money)} · values before and after, pw world price")
                .AddColumns("Supplier", "Tariff", "Before", "After", "Creation", "Diversion", "pw");
            foreach (var column in table.Columns.Skip(1))
            {
                column.RightAligned();
            }

            foreach (var supplier in market.Suppliers)
            {
                table.AddRow(
                    supplier.Exporter == market.Importer ? $"{supplier.Exporter} (home)" : supplier.Exporter,
                    $"{Numbers.Format(supplier.TariffBefore, Numbers.Tariff)} → {Numbers.Format(supplier.TariffAfter, Numbers.Tariff)}",
                    Numbers.Format(supplier.ValueBefore, Numbers.Money),
                    Numbers.Format(supplier.ValueAfter, Numbers.Money),
                    Numbers.Format(supplier.Creation, Numbers.Money),
                    Numbers.Format(supplier.Diversion, Numbers.Money),
                    Numbers.Format(supplier.WorldPrice, "0.0000"));
            }

            console.Write(table);
        }

        console.Write(CountryTables.Objectives(evaluation.Countries));
        console.Write(CountryTables.Accounts(evaluation.Countries));
        foreach (var warning in evaluation.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }
}
