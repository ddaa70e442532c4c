using Simulation.Model.Negotiation;
using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads a strategy (DESIGN §4.4, §6.1): a preset name (<c>boulware</c>) or a map
/// <c>{ type: time-dependent, e: 0.5, k: 0.1, acceptance: next, opponent_model: economic }</c>
/// whose <c>type</c> is a bidding strategy and whose other keys are that strategy's parameters,
/// <c>acceptance</c> (a name, or a map <c>{ type: constant, alpha: 0.8 }</c>) and
/// <c>opponent_model</c> (a name). Every component is checked against what its registry entry
/// declares (parameter names, ranges, defaults), so a new component needs no change here.
/// </summary>
internal static class StrategyReader
{
    public const string AcceptanceKey = "acceptance";
    public const string OpponentModelKey = "opponent_model";

    public static StrategySpec? Read(YamlField field, InputErrorList errors)
    {
        if (field.Node is YamlScalar { IsNull: false } scalar)
        {
            if (StrategySpec.Presets.Find(scalar.Value) is { } preset)
            {
                return preset.Strategy;
            }

            var hint = Suggestion.Closest(scalar.Value, StrategySpec.Presets.Names) is { } closest ? $"; did you mean '{closest}'?" : "";
            errors.Add(field.Node, field.Path,
                $"unknown strategy {Quoted.Text(scalar.Value)} (presets: {Listing.Of(StrategySpec.Presets.Names)}; or a map with type and its parameters){hint}");
            return null;
        }

        if (field.Node is not YamlMapping mapping)
        {
            errors.Add(field.Node, field.Path, $"a strategy must be a preset name or a mapping, got {field.Node.Describe()}");
            return null;
        }

        var typeNode = mapping.Find("type");
        var entry = typeNode is null ? null : RegistryName.Read(new YamlField(typeNode.Value, DocumentPath.Key(field.Path, "type")), BiddingStrategies.Registry, errors, "strategy type");
        var allowed = new List<string> { "type" };
        if (entry is not null)
        {
            allowed.AddRange(entry.Parameters.Select(p => p.Name));
        }

        allowed.Add(AcceptanceKey);
        allowed.Add(OpponentModelKey);
        var fields = MappingFields.Open(field, errors, "a strategy", entry is null ? [.. allowed, .. UnknownTypeKeys(mapping)] : allowed);
        if (fields is null)
        {
            return null;
        }

        var ok = fields.Required("type") is not null && entry is not null;
        var bidding = entry is null ? null : ReadParameters(fields, entry, errors);
        ok &= bidding is not null;

        var acceptance = AcceptanceConditions.Registry[AcceptanceConditions.Default].Complete();
        if (fields.Optional(AcceptanceKey) is { } acceptanceField)
        {
            if (entry is { DecidesAcceptance: true })
            {
                errors.Add(acceptanceField.Node, acceptanceField.Path,
                    $"{entry.Name} decides acceptance itself (its subgame-perfect responses); remove {AcceptanceKey}");
                ok = false;
            }
            else if (ReadComponent(acceptanceField, AcceptanceConditions.Registry, errors, "acceptance condition") is { } read)
            {
                acceptance = read;
            }
            else
            {
                ok = false;
            }
        }

        var opponentModel = OpponentModels.Default;
        if (fields.Optional(OpponentModelKey) is { } modelField)
        {
            if (ReadComponent(modelField, OpponentModels.Registry, errors, "opponent model") is { } model)
            {
                opponentModel = model.Type;
            }
            else
            {
                ok = false;
            }
        }

        return ok && bidding is not null ? new StrategySpec(bidding, acceptance, opponentModel) : null;
    }

    /// <summary>With an unknown type, the keys that could be parameters are not reported as unknown as well.</summary>
    private static IEnumerable<string> UnknownTypeKeys(YamlMapping mapping) => mapping.Entries.Select(e => e.Key.Value);

    /// <summary>A component written as a name or as a map <c>{ type: name, parameter: value, … }</c>.</summary>
    private static ComponentSettings? ReadComponent<T>(YamlField field, Registry<ComponentEntry<T>> registry, InputErrorList errors, string what)
    {
        if (field.Node is YamlScalar { IsNull: false })
        {
            if (RegistryName.Read(field, registry, errors, what) is not { } entry)
            {
                return null;
            }

            var missing = entry.Parameters.Where(p => p.Default is null).Select(p => p.Name).ToList();
            if (missing.Count > 0)
            {
                errors.Add(field.Node, field.Path,
                    $"{what} {Quoted.Text(entry.Name)} needs {Listing.Of(missing)}: write {{ type: {entry.Name}, {missing[0]}: … }}");
                return null;
            }

            return entry.Complete();
        }

        if (field.Node is not YamlMapping mapping)
        {
            errors.Add(field.Node, field.Path, $"{what} must be a name or a mapping with type and its parameters, got {field.Node.Describe()}");
            return null;
        }

        var typeNode = mapping.Find("type");
        var found = typeNode is null ? null : RegistryName.Read(new YamlField(typeNode.Value, DocumentPath.Key(field.Path, "type")), registry, errors, what);
        var allowed = found is null ? ["type", .. UnknownTypeKeys(mapping)] : new List<string> { "type" }.Concat(found.Parameters.Select(p => p.Name)).ToList();
        var fields = MappingFields.Open(field, errors, what, allowed);
        if (fields is null || fields.Required("type") is null || found is null)
        {
            return null;
        }

        return ReadParameters(fields, found, errors);
    }

    /// <summary>The declared parameters: each in its range, the required ones present, the rest defaulted.</summary>
    private static ComponentSettings? ReadParameters<T>(MappingFields fields, ComponentEntry<T> entry, InputErrorList errors)
    {
        var ok = true;
        var given = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var parameter in entry.Parameters)
        {
            if ((parameter.Default is null ? fields.Required(parameter.Name) : fields.Optional(parameter.Name)) is not { } field)
            {
                ok &= parameter.Default is not null;
                continue;
            }

            var range = new NumberRange(parameter.Min, parameter.Max,
                Text: $"a number from {ScalarReader.Show(parameter.Min)} to {ScalarReader.Show(parameter.Max)}", AboveMax: parameter.AboveMax);
            if (ScalarReader.InRange(field, errors, range) is { } value)
            {
                given[parameter.Name] = value;
            }
            else
            {
                ok = false;
            }
        }

        return ok ? entry.Complete(given) : null;
    }
}
