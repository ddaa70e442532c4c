namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads the discrete issues of one negotiation (DESIGN §6.1):
/// <c>{ id: dispute_settlement, values: [none, panel, appellate], value: { CAN: [0, 40, 60], IDN: [0, 10, -20] } }</c>.
/// The id and the value names are labels (<see cref="ScenarioIds.IsLabel"/>), the id unique in the
/// negotiation and the value names within the issue; <c>value</c> gives, for parties of the
/// negotiation, one number per value in <see cref="ScenarioRanges.DiscreteValue"/>. A party left out
/// values the issue 0 everywhere.
/// </summary>
internal sealed class DiscreteIssueReader
{
    public static readonly string[] Keys = ["id", "values", "value"];

    private readonly PartyList? _parties;
    private readonly InputErrorList _errors;
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    /// <param name="parties">The negotiation's parties, or null when they are in error (party checks are then skipped).</param>
    public DiscreteIssueReader(PartyList? parties, InputErrorList errors)
    {
        _parties = parties;
        _errors = errors;
    }

    public DiscreteIssueSpec? Read(YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, "a discrete issue", Keys);
        if (fields is null)
        {
            return null;
        }

        var id = fields.Required("id") is { } idField ? ReadId(idField, field.Path) : null;
        var valuesField = fields.Required("values");
        var values = valuesField is { } vf ? ReadValueNames(vf) : null;
        // The number of values, even when some name is wrong, so that the parties' lists are checked against it.
        int? valueCount = valuesField?.Node is YamlSequence { Items.Count: >= 2 and <= ScenarioLimits.MaxLevelsPerIssue } list ? list.Items.Count : null;
        var byParty = fields.Optional("value") is { } valueField ? ReadPartyValues(valueField, valueCount) : [];
        return id is null || values is null || byParty is null ? null : new DiscreteIssueSpec(id, values, byParty);
    }

    private string? ReadId(YamlField field, string issuePath)
    {
        var id = ScalarReader.Text(field, _errors);
        if (id is null)
        {
            return null;
        }

        if (!ScenarioIds.IsLabel(id))
        {
            _errors.Add(field.Node, field.Path, $"issue id {Quoted.Text(id)} is not allowed: use {ScenarioIds.LabelRule}");
            return null;
        }

        if (!_ids.TryAdd(id, issuePath))
        {
            _errors.Add(field.Node, field.Path, $"this negotiation already has a discrete issue {Quoted.Text(id)}: {_ids[id]}");
            return null;
        }

        return id;
    }

    private List<string>? ReadValueNames(YamlField field)
    {
        if (field.Node is not YamlSequence items)
        {
            _errors.Add(field.Node, field.Path, $"values must be a list of the issue's value names, got {field.Node.Describe()}");
            return null;
        }

        if (items.Items.Count is < 2 or > ScenarioLimits.MaxLevelsPerIssue)
        {
            _errors.Add(field.Node, field.Path,
                $"a discrete issue needs from 2 to {ScenarioLimits.MaxLevelsPerIssue} values (the status quo first), got {items.Items.Count}");
            return null;
        }

        var names = new List<string>(items.Items.Count);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var ok = true;
        for (var i = 0; i < items.Items.Count; i++)
        {
            var item = new YamlField(items.Items[i], DocumentPath.Index(field.Path, i));
            if (ScalarReader.Text(item, _errors) is not { } name)
            {
                ok = false;
                continue;
            }

            if (!ScenarioIds.IsLabel(name))
            {
                _errors.Add(item.Node, item.Path, $"value name {Quoted.Text(name)} is not allowed: use {ScenarioIds.LabelRule}");
                ok = false;
                continue;
            }

            if (!seen.TryAdd(name, item.Path))
            {
                _errors.Add(item.Node, item.Path, $"value {Quoted.Text(name)} appears twice (also at {seen[name]})");
                ok = false;
                continue;
            }

            names.Add(name);
        }

        return ok ? names : null;
    }

    /// <summary>
    /// Reads <c>value: { ISO: [numbers] }</c>. <paramref name="valueCount"/> is the number of values,
    /// or null when they are in error (the lengths are then not checked). Null when anything is wrong.
    /// </summary>
    private Dictionary<string, IReadOnlyList<double>>? ReadPartyValues(YamlField field, int? valueCount)
    {
        if (field.Node is not YamlMapping mapping)
        {
            _errors.Add(field.Node, field.Path,
                $"value must be a mapping from party to one number per value (like CAN: [0, 40, 60]), got {field.Node.Describe()}");
            return null;
        }

        var byParty = new Dictionary<string, IReadOnlyList<double>>(StringComparer.Ordinal);
        var ok = true;
        foreach (var entry in mapping.Entries)
        {
            var party = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, party);
            if (_parties is not null && !_parties.Contains(party))
            {
                _errors.Add(entry.Key, path, $"{Quoted.Text(party)} is not a party of this negotiation (parties: {Listing.Of(_parties.Ordered)})");
                ok = false;
            }

            if (ReadNumbers(new YamlField(entry.Value, path), valueCount) is { } numbers)
            {
                byParty[party] = numbers;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? byParty : null;
    }

    private List<double>? ReadNumbers(YamlField field, int? valueCount)
    {
        if (field.Node is not YamlSequence items)
        {
            _errors.Add(field.Node, field.Path, $"expected a list of numbers, one per value, got {field.Node.Describe()}");
            return null;
        }

        var ok = true;
        if (valueCount is { } count && items.Items.Count != count)
        {
            _errors.Add(field.Node, field.Path, $"expected one number per value ({count}), got {items.Items.Count}");
            ok = false;
        }

        var numbers = new List<double>(items.Items.Count);
        for (var i = 0; i < items.Items.Count; i++)
        {
            if (ScalarReader.InRange(new YamlField(items.Items[i], DocumentPath.Index(field.Path, i)), _errors, ScenarioRanges.DiscreteValue) is { } number)
            {
                numbers.Add(number);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? numbers : null;
    }
}
