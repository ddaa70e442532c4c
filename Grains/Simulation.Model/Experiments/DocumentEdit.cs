using System.Globalization;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Experiments;

/// <summary>
/// Sets one value of a parsed scenario document, before the loader reads it, so that a varied
/// scenario is checked by the very rules and messages that check a file. Nodes are never changed
/// in place (aliases share them): the nodes along the path are copied and the rest is shared.
/// </summary>
/// <remarks>
/// A strategy written as a preset (<c>strategy: boulware</c>) is addressable as its parameters:
/// stepping into it first writes it out as the map it stands for (<c>{ type: time-dependent,
/// e: 0.2, k: 0 }</c>, DESIGN §4.4), and a country without a strategy is given the map of the
/// default, <c>linear</c>. A missing key may be added only as the last step; whether it is allowed
/// there is for the loader to say.
/// </remarks>
internal static class DocumentEdit
{
    private const string StrategyKey = "strategy";
    private const string StrategiesKey = "strategies";

    /// <summary>The document with the value at <paramref name="path"/> replaced; null with <paramref name="error"/> when the path leads nowhere.</summary>
    public static YamlNode? Set(YamlNode root, ScenarioPath path, string value, out string? error)
    {
        error = null;
        return Set(root, path.Steps, 0, parentKey: null, grandparentKey: null, value, ref error);
    }

    /// <summary>The node at <paramref name="path"/> (presets written out), or null with <paramref name="error"/>.</summary>
    public static YamlNode? Find(YamlNode root, ScenarioPath path, out string? error)
    {
        YamlNode? found = null;
        error = null;
        var steps = path.Steps;
        YamlNode? node = root;
        string? parentKey = null;
        string? grandparentKey = null;
        for (var i = 0; i < steps.Count; i++)
        {
            node = Step(node!, steps, i, parentKey, grandparentKey, ref error, out _, out _);
            if (node is null)
            {
                return null;
            }

            grandparentKey = parentKey;
            parentKey = steps[i].Kind == PathStepKind.Key ? steps[i].Key : null;
            found = node;
        }

        return found;
    }

    private static YamlNode? Set(YamlNode node, IReadOnlyList<PathStep> steps, int i, string? parentKey, string? grandparentKey, string value, ref string? error)
    {
        if (i == steps.Count)
        {
            if (node is YamlSequence)
            {
                error = $"{ScenarioPath.Show(steps, i)} is a list; a path must lead to a single value";
                return null;
            }

            return new YamlScalar(value, isPlain: true, node.Line, node.Column);
        }

        var child = Step(node, steps, i, parentKey, grandparentKey, ref error, out var container, out var slot);
        if (error is not null || container is null)
        {
            return null;
        }

        var step = steps[i];
        var childKey = step.Kind == PathStepKind.Key ? step.Key : null;
        YamlNode? replaced;
        if (child is null)
        {
            // A key the mapping lacks, at the last step: add it where the mapping starts.
            replaced = new YamlScalar(value, isPlain: true, container.Line, container.Column);
        }
        else
        {
            replaced = Set(child, steps, i + 1, childKey, parentKey, value, ref error);
            if (replaced is null)
            {
                return null;
            }
        }

        return container switch
        {
            YamlMapping mapping => WithEntry(mapping, step.Key, replaced),
            YamlSequence sequence => WithItem(sequence, slot, replaced),
            _ => throw new InvalidOperationException("a path step always goes through a mapping or a list"),
        };
    }

    /// <summary>
    /// Takes step <paramref name="i"/> from <paramref name="node"/>: the child, and the container it
    /// is in (the node itself, or the map a preset stands for) with its slot in a list. A missing
    /// key at the last step gives no child and no error.
    /// </summary>
    private static YamlNode? Step(
        YamlNode node, IReadOnlyList<PathStep> steps, int i, string? parentKey, string? grandparentKey,
        ref string? error, out YamlNode? container, out int slot)
    {
        var step = steps[i];
        var where = ScenarioPath.Show(steps, i);
        container = null;
        slot = -1;
        if (IsStrategyPlace(parentKey, grandparentKey) && node is YamlScalar { IsNull: false } preset && step.Kind == PathStepKind.Key)
        {
            if (StrategySpec.Presets.Find(preset.Value) is not { Strategy: var spec })
            {
                error = $"{where} is {preset.Describe()}, not a strategy preset ({string.Join(", ", StrategySpec.Presets.Names)}) or a map";
                return null;
            }

            node = Expand(spec, preset);
        }

        switch (step.Kind)
        {
            case PathStepKind.Key when node is YamlMapping mapping:
                container = mapping;
                if (mapping.Find(step.Key) is { } entry)
                {
                    return entry.Value;
                }

                if (step.Key == StrategyKey && grandparentKey == "countries" && i + 1 < steps.Count)
                {
                    // A country without a strategy plays linear (DESIGN §4.4).
                    return Expand(StrategySpec.Default, mapping);
                }

                if (i + 1 == steps.Count)
                {
                    return null;
                }

                var keys = mapping.Entries.Select(e => e.Key.Value).ToList();
                var hint = Suggestion.Closest(step.Key, keys) is { } closest ? $"; did you mean '{closest}'?" : "";
                error = $"{(where.Length == 0 ? "the scenario" : where)} has no key '{step.Key}' (it has: {Show(keys)}){hint}";
                return null;

            case PathStepKind.Index when node is YamlSequence list:
                if (step.Index < list.Items.Count)
                {
                    container = list;
                    slot = step.Index;
                    return list.Items[step.Index];
                }

                error = $"{where} has {list.Items.Count} item{(list.Items.Count == 1 ? "" : "s")}, so there is no [{step.Index}] (positions count from 0)";
                return null;

            case PathStepKind.Id when node is YamlSequence list:
                var ids = new List<string>();
                for (var k = 0; k < list.Items.Count; k++)
                {
                    if (list.Items[k] is YamlMapping item && item.Find("id")?.Value is YamlScalar { IsNull: false } id)
                    {
                        if (id.Value == step.Key)
                        {
                            container = list;
                            slot = k;
                            return item;
                        }

                        ids.Add(id.Value);
                    }
                }

                error = $"{where} has no item with id '{step.Key}' (ids: {Show(ids)})";
                return null;

            default:
                var wanted = step.Kind == PathStepKind.Key ? $"key '{step.Key}'" : "list items";
                error = $"{(where.Length == 0 ? "the scenario" : where)} is {node.Describe()}, which has no {wanted}";
                return null;
        }
    }

    /// <summary>A strategy is the value of <c>strategy</c>, or of a party in <c>strategies</c>.</summary>
    private static bool IsStrategyPlace(string? parentKey, string? grandparentKey) =>
        parentKey == StrategyKey || grandparentKey == StrategiesKey;

    /// <summary>The map a preset stands for: its bidding strategy and parameters (its acceptance and opponent model are the defaults).</summary>
    private static YamlMapping Expand(StrategySpec spec, YamlNode at)
    {
        var entries = new List<YamlMappingEntry> { Entry("type", spec.Bidding.Type, at) };
        entries.AddRange(spec.Bidding.Parameters.Select(p => Entry(p.Key, p.Value.ToString("R", CultureInfo.InvariantCulture), at)));
        return new YamlMapping(entries, at.Line, at.Column);
    }

    private static YamlMappingEntry Entry(string key, string value, YamlNode at) =>
        new(new YamlScalar(key, isPlain: true, at.Line, at.Column), new YamlScalar(value, isPlain: true, at.Line, at.Column));

    private static YamlMapping WithEntry(YamlMapping mapping, string key, YamlNode value)
    {
        var entries = mapping.Entries.ToList();
        var index = entries.FindIndex(e => e.Key.Value == key);
        if (index < 0)
        {
            entries.Add(new YamlMappingEntry(new YamlScalar(key, isPlain: true, value.Line, value.Column), value));
        }
        else
        {
            entries[index] = new YamlMappingEntry(entries[index].Key, value);
        }

        return new YamlMapping(entries, mapping.Line, mapping.Column);
    }

    private static YamlSequence WithItem(YamlSequence sequence, int slot, YamlNode value)
    {
        var items = sequence.Items.ToList();
        items[slot] = value;
        return new YamlSequence(items, sequence.Line, sequence.Column);
    }

    private static string Show(List<string> items) => items.Count == 0 ? "none" : string.Join(", ", items.Take(20)) + (items.Count > 20 ? ", ..." : "");
}
