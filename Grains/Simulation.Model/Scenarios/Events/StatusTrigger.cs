using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>when: { negotiation: ID, status: agreed }</c>: the event fires once negotiation
/// <paramref name="Negotiation"/> ends with <paramref name="Status"/>, one of <see cref="Statuses"/>.
/// With <c>agreement:</c> the condition is an <see cref="AgreementTrigger"/>.
/// </summary>
public sealed record StatusTrigger(string Negotiation, NegotiationStatus Status) : ConditionTrigger
{
    /// <summary>The statuses a negotiation ends with, as written in a scenario; only these can trigger an event.</summary>
    public static IReadOnlyDictionary<string, NegotiationStatus> Statuses { get; } = new Dictionary<string, NegotiationStatus>(StringComparer.Ordinal)
    {
        ["agreed"] = NegotiationStatus.Agreed,
        ["deadline"] = NegotiationStatus.Deadline,
        ["terminated"] = NegotiationStatus.Terminated,
        ["walked_away"] = NegotiationStatus.WalkedAway,
        ["rejected"] = NegotiationStatus.Rejected,
    };

    /// <summary>The <c>negotiation</c> condition, with or without <c>agreement:</c>.</summary>
    public static ConditionKind Definition { get; } = new(
        "negotiation",
        "The negotiation has ended with the status (agreed, deadline, terminated, walked_away, rejected); with agreement: { importer, exporter, sector, below|above: T } it agreed a tariff on that line (its tariff issue's level, or its quota issue's in-quota tariff) below or above T percent, with quota_below|quota_above: V a quota volume.",
        ["negotiation", "status", "agreement"],
        Read);

    public override string Text => $"{Negotiation} ended {NameOf(Status)}";

    /// <summary>Outcomes never named a status trigger; they still do not, so runs that use one alone keep their bytes.</summary>
    internal override bool IsNamedInOutcome => false;

    /// <summary>A status as a scenario writes it: <c>walked_away</c>.</summary>
    public static string NameOf(NegotiationStatus status) => Statuses.First(s => s.Value == status).Key;

    internal override string? Check(IRunConditions run) => run.StatusOf(Negotiation) == Status ? Text : null;

    /// <summary>
    /// Reads <c>{ negotiation, status }</c>, or with <c>agreement:</c> an <see cref="AgreementTrigger"/>
    /// (whose status must be <c>agreed</c>).
    /// </summary>
    internal static ConditionTrigger? Read(MappingFields fields, EventReader reader)
    {
        var negotiation = fields.Required("negotiation") is { } nf ? reader.NegotiationReference(nf) : null;
        var status = fields.Required("status") is { } sf ? ReadStatus(sf, reader.Errors) : null;
        if (fields.Optional("agreement") is { } agreement)
        {
            return AgreementTrigger.Read(agreement, negotiation, status, fields.Optional("status"), reader);
        }

        return negotiation is null || status is null ? null : new StatusTrigger(negotiation, status.Value);
    }

    private static NegotiationStatus? ReadStatus(YamlField field, InputErrorList errors)
    {
        var text = ScalarReader.Text(field, errors);
        if (text is null)
        {
            return null;
        }

        if (Statuses.TryGetValue(text, out var status))
        {
            return status;
        }

        var names = Statuses.Keys.ToList();
        var hint = Suggestion.Closest(text, names) is { } closest ? $"; did you mean '{closest}'?" : "";
        errors.Add(field.Node, field.Path, $"status {Quoted.Text(text)} is not one a negotiation ends with (available: {string.Join(", ", names)}){hint}");
        return null;
    }
}
