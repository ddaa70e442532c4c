using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>when: { negotiation: X, status: agreed, agreement: { importer, exporter, sector, below|above: T } }</c>
/// (DESIGN §5.1): X agreed, and its agreement puts the line's tariff below or above T percent: the
/// agreed level of the line's tariff issue, or, when X has only a quota issue on the line, that
/// quota's in-quota tariff. With <c>quota_below|quota_above: V</c>, the quota volume agreed on the
/// line's quota issue. Strict bounds: an agreement at T does not meet them.
/// </summary>
public sealed record AgreementTrigger(string Negotiation, TariffLine Line, Threshold Bound) : ConditionTrigger
{
    private static readonly string[] s_bounds = ["below", "above", "quota_below", "quota_above"];
    private static readonly string[] s_keys = ["importer", "exporter", "sector", .. s_bounds];

    /// <summary>Whether the bound is on the agreed quota volume rather than on the tariff.</summary>
    public bool OnQuota => Bound.Key.StartsWith("quota", StringComparison.Ordinal);

    public override string Text => $"{Negotiation} agreed {What} {Bound.Text}";

    private string What => $"{(OnQuota ? "quota" : "tariff")} {Line.Importer}←{Line.Exporter} {Line.Sector}";

    internal override string? Check(IRunConditions run)
    {
        if (run.AgreementOf(Negotiation) is not { } agreement)
        {
            return null;
        }

        var agreed = OnQuota ? QuotaOn(agreement) : TariffOn(agreement);
        return agreed is { } number && Bound.IsMetBy(number) ? $"{Negotiation} agreed {What} {Threshold.Show(number)}, {Bound.Text}" : null;
    }

    /// <summary>The agreed tariff on the line: its tariff issue's level, or its quota issue's in-quota tariff.</summary>
    private double? TariffOn(IReadOnlyList<IssueDescription> agreement) =>
        agreement.OfType<TariffDescription>().FirstOrDefault(t => (t.Importer, t.Exporter, t.Sector) == (Line.Importer, Line.Exporter, Line.Sector))?.Tariff
        ?? QuotaIssue(agreement)?.InQuotaTariff;

    private double? QuotaOn(IReadOnlyList<IssueDescription> agreement) => QuotaIssue(agreement)?.Quota;

    private QuotaDescription? QuotaIssue(IReadOnlyList<IssueDescription> agreement) =>
        agreement.OfType<QuotaDescription>().FirstOrDefault(q => (q.Importer, q.Exporter, q.Sector) == (Line.Importer, Line.Exporter, Line.Sector));

    /// <summary>
    /// Reads <c>agreement:</c> of a status condition on <paramref name="negotiation"/>: the line must be
    /// one of its tariff or quota issues (a quota issue for a quota bound), and the status <c>agreed</c>.
    /// </summary>
    internal static AgreementTrigger? Read(YamlField field, string? negotiation, NegotiationStatus? status, YamlField? statusField, EventReader reader)
    {
        var errors = reader.Errors;
        if (status is { } s && s != NegotiationStatus.Agreed && statusField is { } at)
        {
            errors.Add(at.Node, at.Path, $"a condition on the agreement needs status: agreed, not {StatusTrigger.NameOf(s)}: only an agreed negotiation has one");
        }

        var fields = MappingFields.Open(field, errors, "agreement", s_keys);
        if (fields is null)
        {
            return null;
        }

        var world = reader.World;
        var importer = fields.Required("importer") is { } im ? world.CountryReference(im) : null;
        var exporter = fields.Required("exporter") is { } ex ? world.CountryReference(ex) : null;
        var sector = fields.Required("sector") is { } se ? world.SectorReference(se) : null;
        var bound = Threshold.Read(fields, errors, s_bounds, key => key.StartsWith("quota", StringComparison.Ordinal) ? ScenarioRanges.Value : ScenarioRanges.TariffPercent);
        if (negotiation is null || importer is null || exporter is null || sector is null || bound is null || status != NegotiationStatus.Agreed)
        {
            return null;
        }

        var trigger = new AgreementTrigger(negotiation, new TariffLine(importer, exporter, sector), bound);
        var issues = world.Negotiations[negotiation].Issues;
        bool Names(IssueSpec issue) => issue switch
        {
            TariffIssueSpec t => !trigger.OnQuota && (t.Importer, t.Exporter, t.Sector) == (importer, exporter, sector),
            QuotaIssueSpec q => q.Line == trigger.Line,
            _ => false,
        };
        if (!issues.Any(Names))
        {
            var kind = trigger.OnQuota ? "quota issue" : "tariff or quota issue";
            errors.Add(fields.Node, fields.Path, $"{negotiation} has no {kind} on importer {importer}, exporter {exporter}, sector {sector}: the agreement cannot set it");
            return null;
        }

        return trigger;
    }
}
