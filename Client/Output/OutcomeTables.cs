using System.Globalization;
using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Model.Scenarios;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>The outcome of a run as tables for a person: negotiations, the agreed tariff lines, and each country's account.</summary>
public static class OutcomeTables
{
    public static void Write(IAnsiConsole console, RunOutcome outcome, Scenario scenario)
    {
        console.MarkupLineInterpolated($"[bold]{outcome.Scenario.Name}[/]");
        console.MarkupLineInterpolated($"seed {outcome.Seed} · model {outcome.Model} · {outcome.RoundsPlayed} rounds · values in {scenario.Units}");
        console.Write(Negotiations(outcome));
        var agreements = Agreements(outcome, scenario);
        if (agreements.Rows.Count > 0)
        {
            console.Write(agreements);
        }

        console.Write(Countries(outcome));
        foreach (var warning in outcome.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }
    }

    private static Table Negotiations(RunOutcome outcome)
    {
        var table = new Table().Title("Negotiations").Border(TableBorder.Rounded)
            .AddColumns("Negotiation", "Status", "Round", "Party", "Utility", "Reservation", "Gain");
        foreach (var column in table.Columns.Skip(4))
        {
            column.RightAligned();
        }

        foreach (var negotiation in outcome.Negotiations)
        {
            var first = true;
            foreach (var party in negotiation.Parties)
            {
                table.AddRow(
                    first ? Markup.Escape(negotiation.Id) : "",
                    first ? StatusMarkup(negotiation.Status) : "",
                    first ? negotiation.Round.ToString(CultureInfo.InvariantCulture) : "",
                    party,
                    Number(negotiation.Utility[party], "0.000"),
                    Number(negotiation.Reservation[party], "0.000"),
                    Number(negotiation.Gain[party], "#,##0.00"));
                first = false;
            }
        }

        return table;
    }

    private static Table Agreements(RunOutcome outcome, Scenario scenario)
    {
        var table = new Table().Title("Agreed tariffs (percent)").Border(TableBorder.Rounded)
            .AddColumns("Negotiation", "Importer", "Exporter", "Sector", "Before", "After");
        table.Columns[4].RightAligned();
        table.Columns[5].RightAligned();
        foreach (var negotiation in outcome.Negotiations)
        {
            foreach (var line in negotiation.Agreement ?? [])
            {
                var before = scenario.Trade.First(t => t.Importer == line.Importer && t.Exporter == line.Exporter && t.Sector == line.Sector).TariffPercent;
                table.AddRow(
                    Markup.Escape(negotiation.Id), line.Importer, line.Exporter, Markup.Escape(line.Sector),
                    Number(before, "0.##"), Number(line.Tariff, "0.##"));
            }
        }

        return table;
    }

    private static Table Countries(RunOutcome outcome)
    {
        var table = new Table().Title("Countries (change from the base data)").Border(TableBorder.Rounded)
            .AddColumns("Country", "Objective", "Value", "Exports Δ", "Imports Δ");
        foreach (var column in table.Columns.Skip(2))
        {
            column.RightAligned();
        }

        foreach (var country in outcome.Countries)
        {
            table.AddRow(
                country.Id,
                country.Objective.Kind,
                Number(country.Objective.Value, "#,##0.00"),
                Number(country.ExportsChange, "#,##0.00"),
                Number(country.ImportsChange, "#,##0.00"));
        }

        return table;
    }

    private static string StatusMarkup(string status) => status switch
    {
        "agreed" => "[green]agreed[/]",
        "deadline" or "walked_away" or "terminated" => $"[yellow]{status}[/]",
        _ => status,
    };

    /// <summary>Rounds for display only; JSON keeps every digit. Negative zero prints as 0.</summary>
    private static string Number(double value, string format)
    {
        var text = value.ToString(format, CultureInfo.InvariantCulture);
        return text.TrimStart('-').Trim('0', '.', ',').Length == 0 ? text.TrimStart('-') : text;
    }
}
