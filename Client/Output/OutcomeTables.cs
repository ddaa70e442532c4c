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
        console.MarkupLineInterpolated($"[bold]{TerminalText.Safe(outcome.Scenario.Name)}[/]");
        console.MarkupLineInterpolated($"seed {outcome.Seed} · model {outcome.Model} · {outcome.RoundsPlayed} rounds · values in {TerminalText.Safe(scenario.Units)}");
        console.Write(Negotiations(outcome));
        var agreements = Agreements(outcome, scenario);
        if (agreements.Rows.Count > 0)
        {
            console.Write(agreements);
        }

        console.Write(CountryTables.Objectives(outcome.Countries));
        console.Write(CountryTables.Accounts(outcome.Countries));
        foreach (var warning in outcome.Warnings)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {TerminalText.Safe(warning)}");
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
                    first ? TerminalText.Markup(negotiation.Id) : "",
                    first ? StatusMarkup(negotiation.Status) : "",
                    first ? negotiation.Round.ToString(CultureInfo.InvariantCulture) : "",
                    TerminalText.Markup(party),
                    Numbers.Format(negotiation.Utility[party], Numbers.Utility),
                    Numbers.Format(negotiation.Reservation[party], Numbers.Utility),
                    Numbers.Format(negotiation.Gain[party], Numbers.Money));
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
                    TerminalText.Markup(negotiation.Id), TerminalText.Markup(line.Importer), TerminalText.Markup(line.Exporter), TerminalText.Markup(line.Sector),
                    Numbers.Format(before, Numbers.Tariff), Numbers.Format(line.Tariff, Numbers.Tariff));
            }
        }

        return table;
    }

    private static string StatusMarkup(string status) => status switch
    {
        "agreed" => "[green]agreed[/]",
        "deadline" or "walked_away" or "terminated" => $"[yellow]{status}[/]",
        _ => status,
    };
}
