using Simulation.Model.Negotiation;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads the <c>negotiations</c> list: who sits at each table, under which protocol and deadline,
/// the issues on it (read by <see cref="IssueReader"/>), and reservations and discounts set for its parties.
/// </summary>
internal sealed class NegotiationReader
{
    private static readonly string[] s_keys = ["id", "parties", "protocol", "rounds", "first", "issues", "strategies", "reservations", "discounts", "start"];

    private readonly ScenarioWorld _world;
    private readonly InputErrorList _errors;
    private readonly Dictionary<string, YamlField> _ids = new(StringComparer.Ordinal);

    private NegotiationReader(ScenarioWorld world, InputErrorList errors)
    {
        _world = world;
        _errors = errors;
    }

    public static List<NegotiationSpec> ReadAll(YamlField field, ScenarioWorld world, InputErrorList errors)
    {
        var negotiations = new List<NegotiationSpec>();
        if (field.Node is not YamlSequence items)
        {
            errors.Add(field.Node, field.Path, $"negotiations must be a list, got {field.Node.Describe()}");
            return negotiations;
        }

        var reader = new NegotiationReader(world, errors);
        for (var i = 0; i < items.Items.Count; i++)
        {
            if (reader.Read(new YamlField(items.Items[i], DocumentPath.Index(field.Path, i))) is { } negotiation)
            {
                negotiations.Add(negotiation);
            }
        }

        return negotiations;
    }

    private NegotiationSpec? Read(YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, "a negotiation", s_keys);
        if (fields is null)
        {
            return null;
        }

        var id = fields.Required("id") is { } idField ? ReadId(idField) : null;
        var partiesField = fields.Required("parties");
        var parties = partiesField is { } pf ? ReadParties(pf) : null;
        var protocol = fields.Optional("protocol") is { } protocolField
            ? ReadProtocol(protocolField, partiesField, parties)
            : CheckProtocolArity(NegotiationSpec.AlternatingOffers, partiesField, parties);
        var rounds = fields.Optional("rounds") is { } roundsField
            ? ScenarioBuilder.ReadRounds(roundsField, _errors) ?? _world.DefaultRounds
            : _world.DefaultRounds;
        var first = fields.Optional("first") is { } firstField ? ReadFirst(firstField, parties) : parties?.Ordered[0];
        var issues = fields.Required("issues") is { } issuesField ? ReadIssues(issuesField, id, parties) : [];
        var strategies = fields.Optional("strategies") is { } strategiesField
            ? ReadStrategies(strategiesField, parties)
            : new Dictionary<string, StrategySpec>();

        var reservations = fields.Optional("reservations") is { } reservationsField
            ? ReadPartyNumbers(reservationsField, parties, "reservations must be a mapping from party to its reservation utility r", ScenarioRanges.Reservation)
            : [];
        var discounts = fields.Optional("discounts") is { } discountsField
            ? ReadPartyNumbers(discountsField, parties, "discounts must be a mapping from party to its discount factor δ", ScenarioRanges.Discount)
            : [];

        var startField = fields.Optional("start");
        var start = startField is { } sf ? ReadStart(sf) : NegotiationStart.FirstRound;
        if (id is not null)
        {
            _world.Negotiations.TryAdd(id, new ScenarioWorld.DeclaredNegotiation(parties?.Ordered, start?.IsDeferred, startField, issues));
        }

        if (parties is not null && partiesField is { } partiesAt)
        {
            CheckStrategyArity(partiesAt, parties, strategies, fields.Optional("strategies"));
        }

        return id is null || parties is null || protocol is null || first is null || start is null
            ? null
            : new NegotiationSpec(id, parties.Ordered, protocol, rounds, first, issues, strategies)
            {
                InUtilityUnits = _world.InUtilityUnits,
                Reservations = reservations,
                Discounts = discounts,
                Start = start,
            };
    }

    /// <summary><c>start: deferred</c> (opened by a <c>start</c> event) or <c>start: N</c> (opens at round N ≥ 1).</summary>
    private NegotiationStart? ReadStart(YamlField field)
    {
        if (field.Node is YamlScalar { IsNull: false } scalar && scalar.Value == NegotiationStart.DeferredName)
        {
            return NegotiationStart.Deferred;
        }

        if (field.Node is YamlScalar { IsNull: false } text && !double.TryParse(text.Value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            _errors.Add(field.Node, field.Path, $"start must be '{NegotiationStart.DeferredName}' or a round number from 1 to {ScenarioLimits.MaxRounds}, got {Quoted.Text(text.Value)}");
            return null;
        }

        return ScalarReader.Integer(field, _errors, min: 1, max: ScenarioLimits.MaxRounds) is { } round ? new NegotiationStart((int)round) : null;
    }

    /// <summary>
    /// Reads the issues and refuses an agenda too large to run (DESIGN §4.1): too many sectors,
    /// market solves or Pareto-search work (<see cref="AgendaSize"/>), each limit its own error.
    /// </summary>
    private List<IssueSpec> ReadIssues(YamlField field, string? id, PartyList? parties)
    {
        var issues = IssueReader.ReadAll(field, parties, _world, _errors);
        var name = id is null ? "this negotiation" : $"negotiation {Quoted.Text(id)}";
        foreach (var excess in AgendaSize.Of(issues, _world.Blocks).Excesses())
        {
            _errors.Add(field.Node, field.Path, $"{name} is too large: {excess}");
        }

        return issues;
    }

    private string? ReadId(YamlField field)
    {
        var id = ScalarReader.NonEmptyText(field, _errors);
        if (id is null)
        {
            return null;
        }

        if (!ScenarioIds.IsName(id))
        {
            _errors.Add(field.Node, field.Path, $"negotiation id {Quoted.Text(id)} is not allowed: {ScenarioIds.NameProblem(id)}");
        }

        if (_ids.TryGetValue(id, out var first))
        {
            _errors.Add(field.Node, field.Path, $"duplicate negotiation id {Quoted.Text(id)} (first at {first.Path}, line {first.Node.Line})");
            return id;
        }

        _ids.Add(id, field);
        return id;
    }

    /// <summary>
    /// Reads the parties: at least two distinct declared countries that negotiate. Returns null when
    /// the list is not usable at all, so that later checks against it are skipped.
    /// </summary>
    private PartyList? ReadParties(YamlField field)
    {
        if (field.Node is not YamlSequence items)
        {
            _errors.Add(field.Node, field.Path, $"parties must be a list of country ids, got {field.Node.Describe()}");
            return null;
        }

        var parties = new List<string>();
        var set = new HashSet<string>(StringComparer.Ordinal);
        var usable = true;
        for (var i = 0; i < items.Items.Count; i++)
        {
            var item = new YamlField(items.Items[i], DocumentPath.Index(field.Path, i));
            if (_world.CountryReference(item) is not { } id)
            {
                usable = false;
                continue;
            }

            if (!set.Add(id))
            {
                _errors.Add(item.Node, item.Path, $"{Quoted.Text(id)} is listed twice among the parties");
                continue;
            }

            if (!_world.Countries[id].Negotiates)
            {
                _errors.Add(item.Node, item.Path, $"country {Quoted.Text(id)} does not negotiate (it has negotiates: false)");
            }

            parties.Add(id);
        }

        if (usable && parties.Count < 2)
        {
            _errors.Add(field.Node, field.Path, $"a negotiation needs at least 2 distinct parties, got {parties.Count}");
            return null;
        }

        return usable ? new PartyList(parties, set) : null;
    }

    /// <summary>Reads <c>protocol:</c>, which must name a protocol of <see cref="Protocols"/>.</summary>
    private string? ReadProtocol(YamlField field, YamlField? partiesField, PartyList? parties) =>
        RegistryName.Read(field, Protocols.Registry, _errors, "protocol") is { } entry
            ? CheckProtocolArity(entry.Name, partiesField, parties)
            : null;

    /// <summary>Checks the number of parties against what the protocol's registry entry takes.</summary>
    private string CheckProtocolArity(string protocol, YamlField? partiesField, PartyList? parties)
    {
        if (Protocols.Registry.Find(protocol) is { } entry && parties is not null && !entry.Takes(parties.Ordered.Count) && partiesField is { } field)
        {
            _errors.Add(field.Node, field.Path,
                $"protocol {Quoted.Text(protocol)} takes {entry.PartyCount} parties, got {parties.Ordered.Count} ({Listing.Of(parties.Ordered)})");
        }

        return protocol;
    }

    private string? ReadFirst(YamlField field, PartyList? parties)
    {
        var first = ScalarReader.Text(field, _errors);
        if (first is not null && parties is not null && !parties.Contains(first))
        {
            _errors.Add(field.Node, field.Path, $"first must be one of the parties ({Listing.Of(parties.Ordered)}), got {Quoted.Text(first)}");
            return null;
        }

        return first;
    }

    /// <summary>
    /// A strategy made for smaller tables (backward induction: two parties) is refused at a larger
    /// one: where the negotiation overrides it, at the override; where the country's own strategy
    /// applies, at the parties, naming it.
    /// </summary>
    private void CheckStrategyArity(YamlField partiesField, PartyList parties, Dictionary<string, StrategySpec> strategies, YamlField? strategiesField)
    {
        var count = parties.Ordered.Count;
        foreach (var party in parties.Ordered)
        {
            if (strategies.TryGetValue(party, out var own))
            {
                if (count > own.MaxParties && strategiesField is { Node: YamlMapping mapping } at && mapping.Find(party) is { } entry)
                {
                    _errors.Add(entry.Value, DocumentPath.Key(at.Path, party),
                        $"{own.Label} takes at most {own.MaxParties} parties; this negotiation has {count}");
                }
            }
            else if (_world.Countries.TryGetValue(party, out var country) && count > country.Strategy.MaxParties)
            {
                _errors.Add(partiesField.Node, partiesField.Path,
                    $"{party} plays {country.Strategy.Label} (countries.{party}.strategy), which takes at most {country.Strategy.MaxParties} parties; this negotiation has {count}: give {party} another strategy under strategies");
            }
        }
    }

    private Dictionary<string, StrategySpec> ReadStrategies(YamlField field, PartyList? parties)
    {
        var strategies = new Dictionary<string, StrategySpec>(StringComparer.Ordinal);
        if (field.Node is not YamlMapping mapping)
        {
            _errors.Add(field.Node, field.Path, $"strategies must be a mapping from party to strategy, got {field.Node.Describe()}");
            return strategies;
        }

        foreach (var entry in mapping.Entries)
        {
            var party = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, party);
            if (parties is not null && !parties.Contains(party))
            {
                _errors.Add(entry.Key, path, $"{Quoted.Text(party)} is not a party of this negotiation (parties: {Listing.Of(parties.Ordered)})");
            }

            if (StrategyReader.Read(new YamlField(entry.Value, path), _errors) is { } strategy)
            {
                strategies[party] = strategy;
            }
        }

        return strategies;
    }

    /// <summary><c>reservations: { CAN: 0.4 }</c> or <c>discounts: { CAN: 0.99 }</c>: a number in <paramref name="range"/> per party.</summary>
    private Dictionary<string, double> ReadPartyNumbers(YamlField field, PartyList? parties, string expected, NumberRange range)
    {
        var numbers = new Dictionary<string, double>(StringComparer.Ordinal);
        if (field.Node is not YamlMapping mapping)
        {
            _errors.Add(field.Node, field.Path, $"{expected}, got {field.Node.Describe()}");
            return numbers;
        }

        foreach (var entry in mapping.Entries)
        {
            var party = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, party);
            var known = parties is null || parties.Contains(party);
            if (!known)
            {
                _errors.Add(entry.Key, path, $"{Quoted.Text(party)} is not a party of this negotiation (parties: {Listing.Of(parties!.Ordered)})");
            }

            if (ScalarReader.InRange(new YamlField(entry.Value, path), _errors, range) is { } number && known)
            {
                numbers[party] = number;
            }
        }

        return numbers;
    }
}
