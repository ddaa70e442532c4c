using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>events:</c> (DESIGN §5.1, §6.1): each event has a trigger (<c>round: N</c> or
/// <c>when: { negotiation, status }</c>) and a <c>type</c> with that type's keys. Every name is
/// checked against what the scenario declares (countries, sectors, trade lines, negotiations and
/// their parties), and a <c>start</c> event must name a negotiation declared <c>start: deferred</c>.
/// Read after the negotiations.
/// </summary>
internal sealed class EventReader
{
    private static readonly string[] s_triggerKeys = ["round", "when"];
    private static readonly string[] s_whenKeys = ["negotiation", "status"];

    /// <summary>Each type's own keys, beside the trigger and <c>type</c>.</summary>
    private static readonly Dictionary<string, string[]> s_typeKeys = new(StringComparer.Ordinal)
    {
        [TerminateEvent.TypeName] = ["negotiation", "by"],
        [SetTariffEvent.TypeName] = ["importer", "exporter", "sector", "tariff"],
        [StartEvent.TypeName] = ["negotiation"],
        [SetStrategyEvent.TypeName] = ["country", "strategy"],
        [SetWeightsEvent.TypeName] = ["country", "lobby_weights", "partner_weights"],
    };

    private static readonly string[] s_types = [.. s_typeKeys.Keys];

    private static readonly string[] s_allKeys = [.. s_triggerKeys, "type", .. s_typeKeys.Values.SelectMany(k => k).Distinct()];

    private readonly ScenarioWorld _world;
    private readonly InputErrorList _errors;

    private EventReader(ScenarioWorld world, InputErrorList errors)
    {
        _world = world;
        _errors = errors;
    }

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
            ? ReadType(new YamlField(typeEntry.Value, DocumentPath.Key(field.Path, "type")))
            : null;

        // Keys are checked against the type's own when the type is known, against every event key otherwise.
        var allowed = type is null ? s_allKeys : [.. s_triggerKeys, "type", .. s_typeKeys[type]];
        var fields = MappingFields.Open(field, _errors, "an event", allowed);
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

        ScenarioEvent? read = type switch
        {
            TerminateEvent.TypeName => ReadTerminate(fields, trigger),
            SetTariffEvent.TypeName => ReadSetTariff(fields, trigger),
            StartEvent.TypeName => ReadStart(fields, trigger),
            SetStrategyEvent.TypeName => ReadSetStrategy(fields, trigger),
            _ => ReadSetWeights(fields, trigger),
        };
        return trigger is null ? null : read;
    }

    private string? ReadType(YamlField field)
    {
        var type = ScalarReader.Text(field, _errors);
        if (type is null || s_typeKeys.ContainsKey(type))
        {
            return type;
        }

        var hint = Suggestion.Closest(type, s_types) is { } closest ? $"; did you mean '{closest}'?" : "";
        _errors.Add(field.Node, field.Path, $"event type {Quoted.Text(type)} is unknown (available: {string.Join(", ", s_types)}){hint}");
        return null;
    }

    /// <summary>Exactly one of <c>round: N</c> (N ≥ 1) and <c>when: { negotiation, status }</c>.</summary>
    private EventTrigger? ReadTrigger(MappingFields fields)
    {
        var round = fields.Optional("round");
        var when = fields.Optional("when");
        if (round is null && when is null)
        {
            _errors.Add(fields.Node, fields.Path, "an event needs a trigger: round: N (the round it fires at) or when: { negotiation: ID, status: agreed }");
            return null;
        }

        if (round is { } both && when is not null)
        {
            _errors.Add(both.Node, both.Path, "an event has one trigger: round or when, not both");
            return null;
        }

        if (round is { } r)
        {
            return ScalarReader.Integer(r, _errors, min: 1, max: ScenarioLimits.MaxRounds) is { } n ? new RoundTrigger((int)n) : null;
        }

        var whenFields = MappingFields.Open(when!.Value, _errors, "when", s_whenKeys);
        if (whenFields is null)
        {
            return null;
        }

        var negotiation = whenFields.Required("negotiation") is { } nf ? NegotiationReference(nf) : null;
        var status = whenFields.Required("status") is { } sf ? ReadStatus(sf) : null;
        return negotiation is null || status is null ? null : new StatusTrigger(negotiation, status.Value);
    }

    private NegotiationStatus? ReadStatus(YamlField field)
    {
        var text = ScalarReader.Text(field, _errors);
        if (text is null)
        {
            return null;
        }

        if (StatusTrigger.Statuses.TryGetValue(text, out var status))
        {
            return status;
        }

        var names = StatusTrigger.Statuses.Keys.ToList();
        var hint = Suggestion.Closest(text, names) is { } closest ? $"; did you mean '{closest}'?" : "";
        _errors.Add(field.Node, field.Path, $"status {Quoted.Text(text)} is not one a negotiation ends with (available: {string.Join(", ", names)}){hint}");
        return null;
    }

    private TerminateEvent? ReadTerminate(MappingFields fields, EventTrigger? trigger)
    {
        var negotiation = fields.Required("negotiation") is { } nf ? NegotiationReference(nf) : null;
        var by = fields.Required("by") is { } bf ? _world.CountryReference(bf) : null;
        if (negotiation is null || by is null)
        {
            return null;
        }

        if (_world.Negotiations[negotiation].Parties is { } parties && !parties.Contains(by, StringComparer.Ordinal))
        {
            var at = fields.Optional("by")!.Value;
            _errors.Add(at.Node, at.Path, $"{Quoted.Text(by)} is not a party of negotiation {Quoted.Text(negotiation)} (parties: {Listing.Of(parties)}); only a party can terminate it");
            return null;
        }

        return trigger is null ? null : new TerminateEvent(trigger, negotiation, by);
    }

    private SetTariffEvent? ReadSetTariff(MappingFields fields, EventTrigger? trigger)
    {
        var importer = fields.Required("importer") is { } im ? _world.CountryReference(im) : null;
        var exporter = fields.Required("exporter") is { } ex ? _world.CountryReference(ex) : null;
        var sectorField = fields.Required("sector");
        var allSectors = sectorField is { Node: YamlScalar { Value: SetTariffEvent.AllSectors } };
        var sector = sectorField is { } se && !allSectors ? _world.SectorReference(se) : null;
        var tariff = fields.Required("tariff") is { } ta ? ScalarReader.InRange(ta, _errors, ScenarioRanges.TariffPercent) : null;
        if (importer is null || exporter is null || sectorField is null || (sector is null && !allSectors))
        {
            return null;
        }

        // The event moves tariffs on lines the trade data has; it does not create trade.
        var exists = allSectors
            ? _world.Flows.Keys.Any(k => k.Importer == importer && k.Exporter == exporter)
            : _world.Flows.ContainsKey(new ScenarioWorld.FlowKey(importer, exporter, sector!));
        if (!exists)
        {
            var line = allSectors ? $"importer {importer}, exporter {exporter}, any sector" : new ScenarioWorld.FlowKey(importer, exporter, sector!).ToString();
            _errors.Add(sectorField.Value.Node, sectorField.Value.Path, $"no trade line ({line}) in the trade data for this tariff to apply to");
            return null;
        }

        if (tariff is { } set)
        {
            var at = fields.Optional("tariff")!.Value;
            foreach (var key in _world.Flows.Keys.Where(k => k.Importer == importer && k.Exporter == exporter && (allSectors || k.Sector == sector)))
            {
                _world.TariffSettings.Add(new ScenarioWorld.TariffSetting(key, set, at, "the set-tariff event's tariff"));
            }
        }

        return trigger is null || tariff is null ? null : new SetTariffEvent(trigger, importer, exporter, sector, tariff.Value);
    }

    private StartEvent? ReadStart(MappingFields fields, EventTrigger? trigger)
    {
        var field = fields.Required("negotiation");
        var negotiation = field is { } nf ? NegotiationReference(nf) : null;
        if (negotiation is null)
        {
            return null;
        }

        _world.StartedByEvents.Add(negotiation);
        if (_world.Negotiations[negotiation].Deferred is false)
        {
            _errors.Add(field!.Value.Node, field.Value.Path,
                $"negotiation {Quoted.Text(negotiation)} is not declared start: {NegotiationStart.DeferredName}, so it starts on its own and no event can start it");
            return null;
        }

        return trigger is null ? null : new StartEvent(trigger, negotiation);
    }

    private SetStrategyEvent? ReadSetStrategy(MappingFields fields, EventTrigger? trigger)
    {
        var country = fields.Required("country") is { } cf ? _world.CountryReference(cf) : null;
        var strategy = fields.Required("strategy") is { } sf ? StrategyReader.Read(sf, _errors) : null;
        return trigger is null || country is null || strategy is null ? null : new SetStrategyEvent(trigger, country, strategy);
    }

    private SetWeightsEvent? ReadSetWeights(MappingFields fields, EventTrigger? trigger)
    {
        var country = fields.Required("country") is { } cf ? _world.CountryReference(cf) : null;
        var lobbyField = fields.Optional("lobby_weights");
        var partnerField = fields.Optional("partner_weights");
        if (lobbyField is null && partnerField is null)
        {
            _errors.Add(fields.Node, fields.Path, "a set-weights event sets lobby_weights, partner_weights or both; it has neither");
            return null;
        }

        var lobbies = lobbyField is { } lf ? CountryReader.LobbyWeights(lf, _world, _errors) : null;
        var partners = partnerField is { } pf && country is not null ? CountryReader.PartnerWeights(country, pf, _world, _errors) : null;
        return trigger is null || country is null ? null : new SetWeightsEvent(trigger, country, lobbies, partners);
    }

    /// <summary>Reads a reference to a declared negotiation; null (and an error, with a suggestion) if it is not one.</summary>
    private string? NegotiationReference(YamlField field)
    {
        var id = ScalarReader.Text(field, _errors);
        if (id is null || _world.Negotiations.ContainsKey(id))
        {
            return id;
        }

        var hint = Suggestion.Closest(id, _world.Negotiations.Keys) is { } closest ? $"; did you mean '{closest}'?" : "";
        _errors.Add(field.Node, field.Path, $"unknown negotiation {Quoted.Text(id)} (declared: {Listing.Of(_world.Negotiations.Keys)}){hint}");
        return null;
    }
}
