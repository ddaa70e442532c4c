namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// The conditions a <c>when:</c> can state (DESIGN §5.1), a closed set found by the key each leads
/// with: <c>negotiation</c> (<see cref="StatusTrigger"/>, with <c>agreement:</c> an
/// <see cref="AgreementTrigger"/>), <c>tariff</c> (<see cref="TariffTrigger"/>) and <c>exports</c>
/// (<see cref="ExportsTrigger"/>). Adding one: a file with its record, its reading and its check, and a line here.
/// </summary>
internal static class Conditions
{
    private sealed record Kind(string LeadingKey, IReadOnlyList<string> Keys, Func<MappingFields, EventReader, ConditionTrigger?> Read);

    private static readonly Kind[] s_kinds =
    [
        new("negotiation", ["negotiation", "status", "agreement"], StatusTrigger.Read),
        new("tariff", TariffTrigger.Keys, TariffTrigger.Read),
        new("exports", ExportsTrigger.Keys, ExportsTrigger.Read),
    ];

    private static readonly string[] s_allKeys = [.. s_kinds.SelectMany(k => k.Keys).Distinct(StringComparer.Ordinal)];

    /// <summary>The leading keys, as messages list them.</summary>
    private static string Leading => string.Join(", ", s_kinds.Select(k => k.LeadingKey));

    /// <summary>Reads <c>when:</c>: exactly one condition, whose own keys alone are allowed; null, with the errors, otherwise.</summary>
    public static ConditionTrigger? Read(YamlField when, EventReader reader)
    {
        var written = when.Node is YamlMapping mapping ? s_kinds.Where(k => mapping.Find(k.LeadingKey) is not null).ToList() : [];
        if (written.Count > 1)
        {
            reader.Errors.Add(when.Node, when.Path, $"when: states one condition, led by one of {Leading}; here {string.Join(" and ", written.Select(k => k.LeadingKey))}");
            return null;
        }

        // Without a known condition, every condition's keys are allowed, so a misspelt one gets its suggestion.
        var fields = MappingFields.Open(when, reader.Errors, "when", written.Count == 1 ? written[0].Keys : s_allKeys);
        if (fields is null)
        {
            return null;
        }

        if (written.Count == 0)
        {
            reader.Errors.Add(when.Node, when.Path,
                $"when: needs a condition, led by one of {Leading}: {{ negotiation: ID, status: agreed }}, {{ tariff: {{ importer, exporter, sector }}, above: T }} or {{ exports: {{ country, partner }}, change_below: r }}");
            return null;
        }

        return written[0].Read(fields, reader);
    }
}
