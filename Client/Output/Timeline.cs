using System.Globalization;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using Spectre.Console;
using Simulation.Model.Negotiation;

namespace Simulation.Client.Output;

/// <summary>
/// The run told in order (DESIGN §5: one clock for every table): by run round, the events applied,
/// the negotiations opening, and each negotiation's end with what it changed. A negotiation's own
/// <c>round</c> counts from the round it opened, so its end on the run's clock is the round it
/// opened plus its rounds less one; it opened at its <c>start: N</c> (1 by default) or at the round
/// of the <c>start</c> event that opened it. Within a round, events come first (they apply at the
/// start of the round, before anyone plays), then openings, then ends in negotiation-id order (the
/// order the engine applies agreements). An agreement's "before" is the tariff in force when it was
/// agreed: the base data with the events and agreements of the rounds before applied, as the engine
/// applies them.
/// </summary>
public static class Timeline
{
    /// <summary>One line of the timeline: the run round (null for a negotiation that never opened), what happened, and what it did.</summary>
    public sealed record Entry(int? Round, string What, string Detail);

    public static Table Table(RunOutcome outcome, Scenario scenario)
    {
        var table = new Table().Title("Timeline (run rounds)").Border(TableBorder.Rounded).AddColumns("Round", "What", "What it did");
        table.Columns[0].RightAligned();
        foreach (var entry in Entries(outcome, scenario))
        {
            table.AddRow(
                entry.Round is { } round ? round.ToString(CultureInfo.InvariantCulture) : "–",
                TerminalText.Markup(entry.What),
                TerminalText.Markup(entry.Detail));
        }

        return table;
    }

    public static IReadOnlyList<Entry> Entries(RunOutcome outcome, Scenario scenario)
    {
        var opened = OpeningRounds(outcome, scenario);
        var tariffs = scenario.Trade.ToDictionary(t => (t.Importer, t.Exporter, t.Sector), t => t.TariffPercent);
        var units = scenario.InUtilityUnits ? "utility" : scenario.Units;
        var last = Math.Max(outcome.RoundsPlayed, outcome.Events.Select(e => e.Round).DefaultIfEmpty(0).Max());
        // A negotiation a terminate ended before it opened reports round 0 and is listed at that event.
        var endedUnopened = outcome.Events
            .Where(e => e.Type == TerminateEvent.TypeName && outcome.Negotiations.Any(n => n.Id == e.Negotiation && n.Status == NegotiationStatus.Terminated && n.Round == 0))
            .ToDictionary(e => e.Negotiation!, StringComparer.Ordinal);
        var entries = new List<Entry>();
        for (var round = 1; round <= last; round++)
        {
            foreach (var e in outcome.Events.Where(e => e.Round == round))
            {
                entries.Add(new Entry(round, $"event: {e.Type}", EventDetail(e, scenario, tariffs)));
                if (e.Type == "set-tariff" && e.Importer is { } importer && e.Exporter is { } exporter)
                {
                    foreach (var sector in e.Sectors is { Count: > 0 } sectors ? sectors : e.Sector is { } one ? [one] : [])
                    {
                        tariffs[(importer, exporter, sector)] = e.Tariff ?? 0;
                    }
                }
            }

            foreach (var negotiation in outcome.Negotiations.Where(n => endedUnopened.TryGetValue(n.Id, out var ended) && ended.Round == round))
            {
                entries.Add(new Entry(round, $"{negotiation.Id} terminated", $"ended by {endedUnopened[negotiation.Id].By} before it opened: no deal, gains 0"));
            }

            foreach (var negotiation in scenario.Negotiations.Where(n => n.Start.Round == round && !endedUnopened.ContainsKey(n.Id)))
            {
                entries.Add(new Entry(round, $"{negotiation.Id} opens", $"{string.Join(", ", negotiation.Parties)} start to negotiate"));
            }

            // Agreements apply in negotiation-id order (ordinal), as the engine applies them.
            var ending = outcome.Negotiations
                .Where(n => opened.TryGetValue(n.Id, out var start) && n.Round > 0 && start + n.Round - 1 == round)
                .OrderBy(n => n.Id, StringComparer.Ordinal);
            foreach (var negotiation in ending)
            {
                var by = outcome.Events.FirstOrDefault(e => e.Type == TerminateEvent.TypeName && e.Negotiation == negotiation.Id)?.By;
                entries.Add(new Entry(round, $"{negotiation.Id} {NegotiationStatusNames.Name(negotiation.Status)}", EndDetail(negotiation, by, tariffs, units)));
            }
        }

        foreach (var negotiation in outcome.Negotiations.Where(n => (!opened.ContainsKey(n.Id) || n.Round == 0) && !endedUnopened.ContainsKey(n.Id)))
        {
            entries.Add(new Entry(null, $"{negotiation.Id} {NegotiationStatusNames.Name(negotiation.Status)}", "never opened: no event started it"));
        }

        return entries;
    }

    /// <summary>The run round each negotiation opened at: its <c>start: N</c>, or the round of the <c>start</c> event that opened it.</summary>
    public static IReadOnlyDictionary<string, int> OpeningRounds(RunOutcome outcome, Scenario scenario)
    {
        var opened = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var negotiation in scenario.Negotiations)
        {
            if (negotiation.Start.Round is { } round)
            {
                opened[negotiation.Id] = round;
            }
        }

        foreach (var e in outcome.Events.Where(e => e.Type == StartEvent.TypeName && e.Negotiation is not null))
        {
            opened.TryAdd(e.Negotiation!, e.Round);
        }

        return opened;
    }

    private static string EventDetail(EventOutcome e, Scenario scenario, Dictionary<(string, string, string), double> tariffs)
    {
        var what = EventText.Describe(e);
        if (e.Type == SetTariffEvent.TypeName && e.Sector != "*" && tariffs.TryGetValue((e.Importer!, e.Exporter!, e.Sector!), out var before))
        {
            return $"{what} (from {Numbers.Format(before, Numbers.Tariff)}%)";
        }

        if (e.Type == TerminateEvent.TypeName)
        {
            return $"{what}: no deal, its tariffs stay as they were";
        }

        // A start event says what set it off, when that was another negotiation's end.
        var trigger = scenario.Events.OfType<StartEvent>().FirstOrDefault(s => s.Negotiation == e.Negotiation)?.Trigger;
        return e.Type == StartEvent.TypeName && trigger is StatusTrigger status
            ? $"{what}, as {status.Negotiation} is {StatusTrigger.NameOf(status.Status)}"
            : what;
    }

    private static string EndDetail(NegotiationOutcome negotiation, string? terminatedBy, Dictionary<(string, string, string), double> tariffs, string units)
    {
        var gains = "gains " + string.Join(", ", negotiation.Parties.Select(p => $"{p} {Numbers.Format(negotiation.Gain[p], Numbers.Money)}")) + $" ({units})";
        if (negotiation.Agreement is not { } agreement)
        {
            var why = negotiation.Status switch
            {
                NegotiationStatus.Terminated => terminatedBy is null ? "ended by an event" : $"ended by {terminatedBy}",
                NegotiationStatus.Deadline => "reached its deadline",
                NegotiationStatus.WalkedAway => "a party walked away",
                NegotiationStatus.Rejected => "the text was refused at ratification",
                _ => NegotiationStatusNames.Name(negotiation.Status),
            };
            return $"{why}: no deal, tariffs unchanged; {gains}";
        }

        var changes = new List<string>();
        var kept = 0;
        foreach (var entry in agreement)
        {
            if (entry.IsTariff)
            {
                var key = (entry.Importer!, entry.Exporter!, entry.Sector!);
                var before = tariffs[key];
                var after = entry.Tariff!.Value;
                if (before == after)
                {
                    kept++;
                    continue;
                }

                changes.Add($"{entry.Importer} on {entry.Exporter} {entry.Sector} {Numbers.Format(before, Numbers.Tariff)} → {Numbers.Format(after, Numbers.Tariff)}%");
                tariffs[key] = after;
            }
            else if (entry.IsQuota)
            {
                changes.Add($"{entry.Importer} quota on {entry.Exporter} {entry.Sector} {Numbers.Format(entry.Quota!.Value, Numbers.Money)} at {Numbers.Format(entry.InQuotaTariff!.Value, Numbers.Tariff)}% (over quota {Numbers.Format(entry.OverQuotaTariff!.Value, Numbers.Tariff)}%)");
            }
            else
            {
                changes.Add($"{LabelText.Of(entry.Issue!)} = {LabelText.Of(entry.Value!)}");
            }
        }

        var what = changes.Count == 0 ? "agreed to change nothing" : string.Join("; ", changes);
        var unchanged = kept == 0 ? "" : $"; {kept} line{(kept == 1 ? "" : "s")} unchanged";
        return $"{what}{unchanged}; {gains}";
    }
}
