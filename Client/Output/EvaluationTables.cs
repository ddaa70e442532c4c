using Simulation.Client.Evaluation;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Simulation.Client.Output;

/// <summary>
/// An evaluation as tables: the model's warnings first, so that nobody reads a table before them,
/// then each changed market with its suppliers (rows the model's form does not hold for marked
/// "no" under Valid), then the countries. Everything is built before anything is written, so a
/// number that cannot be printed (<see cref="Numbers.Format"/>) leaves no partial output.
/// </summary>
public static class EvaluationTables
{
    public static void Write(IAnsiConsole console, TariffEvaluation evaluation, Scenario scenario)
    {
        var parts = new List<IRenderable>
        {
            new Markup($"[bold]{TerminalText.Markup(scenario.Name)}[/]\n"),
            new Markup(TerminalText.Markup($"model {evaluation.Model} · values in {scenario.Units} at world prices · tariffs in percent") + "\n"),
        };
        parts.AddRange(Warnings.Lines(evaluation.Warnings));
        parts.AddRange(evaluation.Markets.Select(Market));
        parts.Add(CountryTables.Objectives(evaluation.Countries));
        parts.Add(CountryTables.Accounts(evaluation.Countries));
        parts.Add(CountryTables.Exports(evaluation.Countries));
        if (CountryTables.Elsewhere(evaluation.Countries) is { } elsewhere)
        {
            parts.Add(elsewhere);
        }

        if (CountryTables.EffectiveProtection(evaluation.Countries) is { } protection)
        {
            parts.Add(protection);
        }

        foreach (var part in parts)
        {
            console.Write(part);
        }
    }

    private static Table Market(EvaluatedMarket market)
    {
        var marked = market.Suppliers.Any(s => !s.Valid);
        var caption = $"ΔCS {Numbers.Format(market.ConsumerSurplusChange, Numbers.Money)} · ΔTR {Numbers.Format(market.TariffRevenueChange, Numbers.Money)} · values before and after, pw world price";
        if (marked)
        {
            caption += " · Valid no: the model's form does not hold there (see the warnings above), nor for ΔCS and ΔTR";
        }

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{market.Importer} imports of {TerminalText.Markup(market.Sector)}")
            .Caption(Markup.Escape(caption))
            .AddColumns("Supplier", "Tariff", "Before", "After", "Creation", "Diversion", "pw");
        if (marked)
        {
            table.AddColumn("Valid");
        }

        foreach (var column in table.Columns.Skip(1))
        {
            column.RightAligned();
        }

        foreach (var supplier in market.Suppliers)
        {
            var cells = new List<string>
            {
                supplier.Exporter == market.Importer ? $"{supplier.Exporter} (home)" : supplier.Exporter,
                $"{Numbers.Format(supplier.TariffBefore, Numbers.Tariff)} → {Numbers.Format(supplier.TariffAfter, Numbers.Tariff)}",
                Numbers.Format(supplier.ValueBefore, Numbers.Money),
                Numbers.Format(supplier.ValueAfter, Numbers.Money),
                Numbers.Format(supplier.Creation, Numbers.Money),
                Numbers.Format(supplier.Diversion, Numbers.Money),
                Numbers.Format(supplier.WorldPrice, "0.0000"),
            };
            if (marked)
            {
                cells.Add(supplier.Valid ? "yes" : "no");
            }

            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }
}
