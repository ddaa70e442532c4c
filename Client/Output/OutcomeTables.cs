using System.Globalization;
using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Simulation.Client.Output;

/// <summary>
/// The outcome of a run as tables for a person: the warnings first, then the negotiations, the agreed
/// tariff lines, and each country's account. Everything is built before anything is written, so a
/// number that cannot be printed (<see cref="Numbers.Format"/>) leaves no partial output.
/// </summary>
public static class OutcomeTables
{
    public static void Write(IAnsiConsole console, RunOutcome outcome, Scenario scenario)
    {
        var parts = new List<IRenderable>
        {
            new Markup($"[bold]{TerminalText.Markup(outcome.Scenario.Name)}[/]\n"),
            new Markup(TerminalText.Markup($"seed {outcome.Seed} · model {outcome.Model} · {outcome.RoundsPlayed} rounds played · values in {scenario.Units}") + "\n"),
        };
        parts.AddRange(Warnings.Lines(outcome.Warnings));
        parts.Add(Negotiations(outcome));
        var withoutDeal = outcome.Negotiations.Where(n => n.Agreement is null).Select(n => n.Id).ToList();
        if (withoutDeal.Count > 0)
        {
            // A row of zeros reads like a bug unless it says it is the no-deal outcome (README, minimal example).
            parts.Add(new Markup(TerminalText.Markup(
                $"No agreement in {string.Join(", ", withoutDeal)}: it changes no tariff, so its gains are 0 and each party's utility is its reservation, the utility of no deal.") + "\n"));
        }

        var agreements = Agreements(outcome, scenario);
        if (agreements.Rows.Count > 0)
        {
            parts.Add(agreements);
        }

        parts.Add(CountryTables.Objectives(outcome.Countries));
        parts.Add(CountryTables.Accounts(outcome.Countries));
        foreach (var part in parts)
        {
            console.Write(part);
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
        "deadline" or "walked_away" or "terminated" or "rejected" => $"[yellow]{status}[/]",
        _ => status,
    };
}
