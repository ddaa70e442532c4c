using System.Globalization;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Reporting;

/// <summary>
/// Outcomes, world changes and events as one line of text a person reads on the dashboard and in
/// the silo's log: a tariff as <c>importer:exporter:sector=percent</c> (the line, then the tariff
/// the importer applies), a tariff-rate quota as <c>importer:exporter:sector quota=volume (in-quota
/// percent in, over-quota percent over)</c>, a discrete issue as <c>issue=value</c> (quoted where a
/// label could be misread, <see cref="LabelText"/>), issues joined by <c>; </c>, numbers in the invariant culture.
/// </summary>
public static class ReadableText
{
    /// <summary>What <paramref name="outcome"/> stands for at <paramref name="agenda"/>, issue by issue (<see cref="TariffAgenda.Describe"/>).</summary>
    public static string Of(TariffAgenda agenda, Outcome outcome) => string.Join("; ", IssuesOf(agenda, outcome));

    /// <summary>What <paramref name="outcome"/> stands for at <paramref name="agenda"/>, one text per issue.</summary>
    public static IReadOnlyList<string> IssuesOf(TariffAgenda agenda, Outcome outcome) => [.. OutcomeEntries.Of(agenda, outcome).Select(Of)];

    /// <summary>One issue's entry of an outcome, as the outcome JSON and the run events carry it.</summary>
    public static string Of(OutcomeEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry switch
        {
            { Quota: { } quota } => $"{Line(entry.Importer!, entry.Exporter!, entry.Sector!)} quota={Number(quota)} ({Number(entry.InQuotaTariff!.Value)} in, {Number(entry.OverQuotaTariff!.Value)} over)",
            { Tariff: { } tariff } => $"{Line(entry.Importer!, entry.Exporter!, entry.Sector!)}={Number(tariff)}",
            _ => $"{LabelText.Of(entry.Issue!)}={LabelText.Of(entry.Value!)}",
        };
    }

    public static string Of(TariffChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Text;
    }

    public static string Of(QuotaChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return change.Quota is { } quota
            ? $"{Line(change.Line)} quota={Number(quota.Volume)} ({Number(quota.InQuotaTariffPercent)} in)"
            : $"{Line(change.Line)} no quota";
    }

    /// <summary>An event as it fired: who did what (<c>USA ends USA-CAN</c>), with the tariffs a <c>set-tariff</c> set.</summary>
    public static string Of(AppliedEvent applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return Of(EventTypes.Of(applied.Event).Outcome(applied));
    }

    /// <summary>
    /// An event as the outcome and the run events record it, in the words <see cref="Of(AppliedEvent)"/>
    /// gives the event itself: who did what (<c>USA ends USA-CAN</c>); a <c>set-tariff</c> lists a line
    /// for each sector it set. The run events carry the entry, not the scenario's event, so the words
    /// are made from the entry's fields.
    /// </summary>
    public static string Of(EventOutcome applied)
    {
        ArgumentNullException.ThrowIfNull(applied);
        return EventTypes.Registry[applied.Type].Describe(applied) + EventType.Because(applied);
    }

    private static string Line(TariffLine line) => Line(line.Importer, line.Exporter, line.Sector);

    private static string Line(string importer, string exporter, string sector) => $"{importer}:{exporter}:{sector}";

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
