using System.Globalization;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;
using Spectre.Console;
using Spectre.Console.Rendering;
using Simulation.Model.Negotiation;

namespace Simulation.Client.Output;

/// <summary>
/// The outcome of a run as tables for a person: the warnings first, then the negotiations (each
/// party's gain in the scenario's unit first, its normalised utility beside it), the bargaining
/// analysis, the agreed tariff lines and values, and each country's account. Everything is built
/// before anything is written, so a number that cannot be printed (<see cref="Numbers.Format"/>)
/// leaves no partial output.
/// </summary>
public static class OutcomeTables
{
    public static void Write(IAnsiConsole console, RunOutcome outcome, Scenario scenario)
    {
        var parts = new List<IRenderable>
        {
            new Markup($"[bold]{TerminalText.Markup(outcome.Scenario.Name)}[/]\n"),
            new Markup(TerminalText.Markup(scenario.InUtilityUnits
                ? $"seed {outcome.Seed} · {outcome.RoundsPlayed} rounds played · values in utility (no trade: each party's utility is its number for the outcome)"
                : $"seed {outcome.Seed} · model {outcome.Model} · {outcome.RoundsPlayed} rounds played · values in {scenario.Units}") + "\n"),
        };
        parts.AddRange(Warnings.Lines(outcome.Warnings));
        parts.Add(Negotiations(outcome, scenario));
        // A party can gain five times more than another at a far lower utility: say what the scale is.
        parts.Add(new Markup(TerminalText.Markup(scenario.InUtilityUnits
            ? "Utility is the party's own number for the outcome (u = V, as GENIUS reports it); the reservation is the utility of no deal."
            : "Utility is normalised per party over the outcomes on the table: 0 = its worst outcome on the table, 1 = its best; " +
              "the reservation is the utility of no deal.") + "\n"));
        var withoutDeal = outcome.Negotiations.Where(n => n.Agreement is null).Select(n => n.Id).ToList();
        if (withoutDeal.Count > 0)
        {
            // A row of zeros reads like a bug unless it says it is the no-deal outcome (docs/scenario-format.md, the minimal example).
            parts.Add(new Markup(TerminalText.Markup(
                $"No agreement in {string.Join(", ", withoutDeal)}: it changes no tariff, so its gains are 0 and each party's utility is its reservation, the utility of no deal.") + "\n"));
        }

        if (outcome.Events.Count > 0)
        {
            parts.Add(Events(outcome));
        }

        // The run as a story: what happened at which round of the run's clock, and what each step did.
        parts.Add(Timeline.Table(outcome, scenario));

        parts.Add(Analysis(outcome));
        parts.Add(new Markup(TerminalText.Markup(
            "Nash: the outcome maximising the product of gains over reservations, Π(u − r), among those every party accepts (u ≥ r); " +
            "Kalai–Smorodinsky: the one giving every party the same share of its possible gain, (u − r)/(ideal − r); " +
            "max welfare: the one maximising Σu. Distances are Euclidean in utilities, from the agreement (or from no deal).") + "\n"));
        var missing = outcome.Negotiations.Where(n => n.Analysis.Nash is null).Select(n => n.Id).ToList();
        if (missing.Count > 0)
        {
            parts.Add(new Markup(TerminalText.Markup(
                $"No Nash or Kalai–Smorodinsky point in {string.Join(", ", missing)}: no outcome leaves every party at or above its reservation.") + "\n"));
        }

        var agreements = Agreements(outcome, scenario);
        if (agreements.Rows.Count > 0)
        {
            parts.Add(agreements);
        }

        var quotas = AgreedQuotas(outcome);
        if (quotas.Rows.Count > 0)
        {
            parts.Add(quotas);
        }

        var values = AgreedValues(outcome);
        if (values.Rows.Count > 0)
        {
            parts.Add(values);
        }

        // A utility scenario has no trade: its countries' objectives and accounts are all zero.
        if (!scenario.InUtilityUnits)
        {
            parts.Add(CountryTables.Objectives(outcome.Countries));
            parts.Add(CountryTables.Accounts(outcome.Countries));
            parts.Add(CountryTables.Exports(outcome.Countries));
            if (CountryTables.Elsewhere(outcome.Countries) is { } elsewhere)
            {
                parts.Add(elsewhere);
            }

            parts.Add(CountryTables.OutsideLargestPartner(outcome.Countries));
            if (CountryTables.EffectiveProtection(outcome.Countries) is { } protection)
            {
                parts.Add(protection);
            }
        }

        foreach (var part in parts)
        {
            console.Write(part);
        }
    }

    private static Table Negotiations(RunOutcome outcome, Scenario scenario)
    {
        var table = new Table().Title("Negotiations").Border(TableBorder.Rounded)
            .AddColumns("Negotiation", "Status", "Round", "Party", $"Gain ({TerminalText.Markup(scenario.Units)})", "Utility", "Reservation");
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
                    Numbers.Format(negotiation.Gain[party], Numbers.Money),
                    Numbers.Format(negotiation.Utility[party], Numbers.Utility),
                    Numbers.Format(negotiation.Reservation[party], Numbers.Utility));
                first = false;
            }
        }

        return table;
    }

    /// <summary>The events the run applied, in the order applied, with the run round at whose start each fired.</summary>
    private static Table Events(RunOutcome outcome)
    {
        var table = new Table().Title("Events").Border(TableBorder.Rounded).AddColumns("Round", "Event", "What");
        table.Columns[0].RightAligned();
        foreach (var e in outcome.Events)
        {
            table.AddRow(e.Round.ToString(CultureInfo.InvariantCulture), TerminalText.Markup(e.Type), TerminalText.Markup(EventText.Describe(e)));
        }

        return table;
    }

    /// <summary>Per negotiation: the frontier's size, the distances, and each party's utility at the outcome, Nash, KS and max welfare.</summary>
    private static Table Analysis(RunOutcome outcome)
    {
        var table = new Table().Title("Bargaining analysis (utilities)").Border(TableBorder.Rounded)
            .AddColumns("Negotiation", "Frontier points", "To frontier", "To Nash", "Party", "Outcome", "Nash", "Kalai–Smorodinsky", "Max welfare");
        foreach (var (column, index) in table.Columns.Select((c, i) => (c, i)))
        {
            if (index is not (0 or 4))
            {
                column.RightAligned();
            }
        }

        foreach (var negotiation in outcome.Negotiations)
        {
            var analysis = negotiation.Analysis;
            var first = true;
            foreach (var party in negotiation.Parties)
            {
                table.AddRow(
                    first ? TerminalText.Markup(negotiation.Id) : "",
                    first ? FrontierSize(analysis) : "",
                    first ? Numbers.Format(analysis.ParetoDistance, Numbers.Utility) : "",
                    first ? analysis.NashDistance is { } toNash ? Numbers.Format(toNash, Numbers.Utility) : "—" : "",
                    TerminalText.Markup(party),
                    Numbers.Format(negotiation.Utility[party], Numbers.Utility),
                    PointUtility(analysis.Nash, party),
                    PointUtility(analysis.KalaiSmorodinsky, party),
                    PointUtility(analysis.MaxSocialWelfare, party));
                first = false;
            }
        }

        return table;
    }

    private static string FrontierSize(AnalysisOutcome analysis) =>
        analysis.ParetoEpsilon > 0
            ? $"{analysis.ParetoSize.ToString(CultureInfo.InvariantCulture)} (ε = {analysis.ParetoEpsilon.ToString(CultureInfo.InvariantCulture)})"
            : analysis.ParetoSize.ToString(CultureInfo.InvariantCulture);

    private static string PointUtility(BargainingPointOutcome? point, string party) =>
        point is null ? "—" : Numbers.Format(point.Utility[party], Numbers.Utility);

    private static Table Agreements(RunOutcome outcome, Scenario scenario)
    {
        var table = new Table().Title("Agreed tariffs (percent)").Border(TableBorder.Rounded)
            .AddColumns("Negotiation", "Importer", "Exporter", "Sector", "Before", "After");
        table.Columns[4].RightAligned();
        table.Columns[5].RightAligned();
        foreach (var negotiation in outcome.Negotiations)
        {
            foreach (var line in (negotiation.Agreement ?? []).Where(e => e.IsTariff))
            {
                var before = scenario.Trade.First(t => t.Importer == line.Importer && t.Exporter == line.Exporter && t.Sector == line.Sector).TariffPercent;
                table.AddRow(
                    TerminalText.Markup(negotiation.Id), TerminalText.Markup(line.Importer!), TerminalText.Markup(line.Exporter!), TerminalText.Markup(line.Sector!),
                    Numbers.Format(before, Numbers.Tariff), Numbers.Format(line.Tariff!.Value, Numbers.Tariff));
            }
        }

        return table;
    }

    /// <summary>The agreed tariff-rate quotas: volume (the scenario's unit at base prices) and in- and over-quota tariffs.</summary>
    private static Table AgreedQuotas(RunOutcome outcome)
    {
        var table = new Table().Title("Agreed tariff-rate quotas").Border(TableBorder.Rounded)
            .AddColumns("Negotiation", "Importer", "Exporter", "Sector", "Quota", "In quota (%)", "Over quota (%)");
        for (var c = 4; c < 7; c++)
        {
            table.Columns[c].RightAligned();
        }

        foreach (var negotiation in outcome.Negotiations)
        {
            foreach (var entry in (negotiation.Agreement ?? []).Where(e => e.IsQuota))
            {
                table.AddRow(
                    TerminalText.Markup(negotiation.Id), TerminalText.Markup(entry.Importer!), TerminalText.Markup(entry.Exporter!), TerminalText.Markup(entry.Sector!),
                    Numbers.Format(entry.Quota!.Value, Numbers.Money), Numbers.Format(entry.InQuotaTariff!.Value, Numbers.Tariff),
                    Numbers.Format(entry.OverQuotaTariff!.Value, Numbers.Tariff));
            }
        }

        return table;
    }

    /// <summary>The agreed values of discrete issues (none in a scenario with tariff issues only).</summary>
    private static Table AgreedValues(RunOutcome outcome)
    {
        var table = new Table().Title("Agreed values").Border(TableBorder.Rounded).AddColumns("Negotiation", "Issue", "Value");
        foreach (var negotiation in outcome.Negotiations)
        {
            foreach (var entry in (negotiation.Agreement ?? []).Where(e => !e.IsTariff && !e.IsQuota))
            {
                table.AddRow(TerminalText.Markup(negotiation.Id), TerminalText.Markup(entry.Issue ?? ""), TerminalText.Markup(entry.Value ?? ""));
            }
        }

        return table;
    }

    private static string StatusMarkup(NegotiationStatus status) => status switch
    {
        NegotiationStatus.Agreed => "[green]agreed[/]",
        NegotiationStatus.Deadline or NegotiationStatus.WalkedAway or NegotiationStatus.Terminated or NegotiationStatus.Rejected => $"[yellow]{NegotiationStatusNames.Name(status)}[/]",
        _ => NegotiationStatusNames.Name(status),
    };
}
