using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// The conditions a <c>when:</c> can state (DESIGN §5.1), a closed set found by the key each leads
/// with: <c>negotiation</c> (<see cref="StatusTrigger"/>, with <c>agreement:</c> an
/// <see cref="AgreementTrigger"/>), <c>tariff</c> (<see cref="TariffTrigger"/>) and <c>exports</c>
/// (<see cref="ExportsTrigger"/>). Adding one: a file with its record, its kind (reading and
/// description) and its check, and a line here.
/// </summary>
public static class Conditions
{
    /// <summary>The kinds, in the order help, messages and <c>tradesim list events</c> give them.</summary>
    public static Registry<ConditionKind> Registry { get; } = new("condition",
    [
        StatusTrigger.Definition,
        TariffTrigger.Definition,
        ExportsTrigger.Definition,
    ]);

    private static readonly string[] s_allKeys = [.. Registry.Entries.SelectMany(k => k.Keys).Distinct(StringComparer.Ordinal)];

    /// <summary>The leading keys, as messages list them.</summary>
    private static string Leading => string.Join(", ", Registry.Names);

    /// <summary>Reads <c>when:</c>: exactly one condition, whose own keys alone are allowed; null, with the errors, otherwise.</summary>
    internal static ConditionTrigger? Read(YamlField when, EventReader reader)
    {
        var written = when.Node is YamlMapping mapping ? Registry.Entries.Where(k => mapping.Find(k.Name) is not null).ToList() : [];
        if (written.Count > 1)
        {
            reader.Errors.Add(when.Node, when.Path, $"when: states one condition, led by one of {Leading}; here {string.Join(" and ", written.Select(k => k.Name))}");
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
