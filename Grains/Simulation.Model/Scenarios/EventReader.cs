using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>events:</c> (DESIGN §5.1, §6.1): each event has a trigger (<c>round: N</c> or
/// <c>when:</c> a condition of <see cref="Conditions"/>) and a <c>type</c> of <see cref="EventTypes"/>, whose
/// <see cref="EventType"/> reads and checks its own keys against what the scenario declares
/// (countries, sectors, trade lines, negotiations and their parties). Read after the negotiations.
/// </summary>
internal sealed class EventReader
{
    private static readonly string[] s_triggerKeys = ["round", "when"];

    private static readonly string[] s_allKeys =
        [.. s_triggerKeys, "type", .. EventTypes.Registry.Entries.SelectMany(t => t.Keys).Select(k => k.Name).Distinct(StringComparer.Ordinal)];

    private EventReader(ScenarioWorld world, InputErrorList errors)
    {
        World = world;
        Errors = errors;
    }

    /// <summary>What the scenario declares, which an event's names must refer to.</summary>
    public ScenarioWorld World { get; }

    /// <summary>Where every error of the file goes, so that all are reported at once.</summary>
    public InputErrorList Errors { get; }

    public static List<ScenarioEvent> ReadAll(YamlField field, ScenarioWorld world, InputErrorList errors)
    {
        var events = new List<ScenarioEvent>();
        if (field.Node is not YamlSequence items)
        {
            errors.Add(field.Node, field.Path, $"events must be a list, got {field.Node.Describe()}");
            return events;
        }

        var reader = new EventReader(world, errors);
        for (var i = 0; i < items.Items.Count; i++)
        {
            if (reader.Read(new YamlField(items.Items[i], DocumentPath.Index(field.Path, i))) is { } scenarioEvent)
            {
                events.Add(scenarioEvent);
            }
        }

        world.CheckLaterReferences();
        return events;
    }

    private ScenarioEvent? Read(YamlField field)
    {
        var type = field.Node is YamlMapping mapping && mapping.Find("type") is { } typeEntry
            ? RegistryName.Read(new YamlField(typeEntry.Value, DocumentPath.Key(field.Path, "type")), EventTypes.Registry, Errors, "event type")
            : null;

        // Keys are checked against the type's own when the type is known, against every event key otherwise.
        var allowed = type is null ? s_allKeys : [.. s_triggerKeys, "type", .. type.Keys.Select(k => k.Name)];
        var fields = MappingFields.Open(field, Errors, "an event", allowed);
        if (fields is null)
        {
            return null;
        }

        fields.Required("type");
        var trigger = ReadTrigger(fields);
        if (type is null)
        {
            return null;
        }

        var read = type.Read(fields, trigger, this);
        return trigger is null ? null : read;
    }

    /// <summary>Exactly one of <c>round: N</c> (N ≥ 1) and <c>when:</c> a condition.</summary>
    private EventTrigger? ReadTrigger(MappingFields fields)
    {
        var round = fields.Optional("round");
        var when = fields.Optional("when");
        if (round is null && when is null)
        {
            Errors.Add(fields.Node, fields.Path, "an event needs a trigger: round: N (the round it fires at) or when: { negotiation: ID, status: agreed }");
            return null;
        }

        if (round is { } both && when is not null)
        {
            Errors.Add(both.Node, both.Path, "an event has one trigger: round or when, not both");
            return null;
        }

        if (round is { } r)
        {
            return ScalarReader.Integer(r, Errors, min: 1, max: ScenarioLimits.MaxRounds) is { } n ? new RoundTrigger((int)n) : null;
        }

        return Conditions.Read(when!.Value, this);
    }

    /// <summary>Reads a reference to a declared negotiation; null (and an error, with a suggestion) if it is not one.</summary>
    public string? NegotiationReference(YamlField field)
    {
        var id = ScalarReader.Text(field, Errors);
        if (id is null || World.Negotiations.ContainsKey(id))
        {
            return id;
        }

        var hint = Suggestion.Closest(id, World.Negotiations.Keys) is { } closest ? $"; did you mean '{closest}'?" : "";
        Errors.Add(field.Node, field.Path, $"unknown negotiation {Quoted.Text(id)} (declared: {Listing.Of(World.Negotiations.Keys)}){hint}");
        return null;
    }
}
