using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Negotiation;
using Simulation.Model.Registries;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Scenarios;

/// <summary>
/// scenarios/schema.json (JSON Schema draft 2020-12, for editors), generated: every part that names a
/// registered thing comes from its registry (the market models, objectives, strategy presets, bidding
/// strategies with their parameters' ranges and defaults, acceptance conditions, opponent models,
/// protocols and the parties they take, and the event types with their keys), so the schema cannot
/// fall behind the loader. The rest of its structure is the embedded skeleton, in which a null is a
/// place filled in here. <c>tradesim list --schema</c> prints it; a test compares it with the shipped file.
/// </summary>
public static class ScenarioSchema
{
    private static readonly JsonSerializerOptions s_output = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        // The descriptions hold ≤, λ, ε and quotes, which an editor shows as they are.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The schema's text, indented, with a final line break.</summary>
    public static string Generate()
    {
        var root = Skeleton();
        var defs = root["$defs"]!.AsObject();
        root["properties"]!["model"] = Choice(MarketModels.Registry, "Market model: ");
        defs["country"]!["properties"]!["objective"] = Choice(GovernmentObjectives.Registry, "What the government maximises: ");
        defs["strategy"] = Strategy();
        defs["acceptance"] = Acceptance();
        var negotiation = defs["negotiation"]!;
        negotiation["allOf"] = PartyCaps();
        negotiation["properties"]!["parties"] = Parties();
        negotiation["properties"]!["protocol"] = Protocol();
        defs["whenStatus"]!["properties"]!["status"] = new JsonObject { ["enum"] = Strings(StatusTrigger.Statuses.Keys) };
        defs["event"] = new JsonObject
        {
            ["description"] = "One event: a trigger (exactly one of round and when) and a type with its keys. Events due in the same round apply one after the other in the order of the file.",
            ["oneOf"] = new JsonArray([.. EventTypes.Registry.Entries.Select(t => (JsonNode)Ref(DefinitionOf(t)))]),
        };
        foreach (var type in EventTypes.Registry.Entries)
        {
            defs[DefinitionOf(type)] = Event(type);
        }

        CheckFilled(root, "");
        return root.ToJsonString(s_output) + "\n";
    }

    /// <summary>The definition an event type's object has in <c>$defs</c>: <c>set-tariff</c> → <c>setTariffEvent</c>.</summary>
    public static string DefinitionOf(EventType type)
    {
        ArgumentNullException.ThrowIfNull(type);
        var words = type.Name.Split('-');
        return words[0] + string.Concat(words.Skip(1).Select(w => char.ToUpperInvariant(w[0]) + w[1..])) + "Event";
    }

    private static JsonObject Skeleton()
    {
        using var stream = typeof(ScenarioSchema).Assembly.GetManifestResourceStream("ScenarioSchema.skeleton.json")
            ?? throw new InvalidOperationException("The schema skeleton is not embedded in the model assembly.");
        return JsonNode.Parse(stream)!.AsObject();
    }

    /// <summary>A name from <paramref name="registry"/>, its default, and each entry described.</summary>
    private static JsonObject Choice<TEntry>(Registry<TEntry> registry, string lead)
        where TEntry : class, IRegistryEntry
    {
        var choice = new JsonObject { ["enum"] = Strings(registry.Names) };
        if (registry.Default is { } fallback)
        {
            choice["default"] = fallback.Name;
        }

        choice["description"] = lead + Described(registry.Entries) + ".";
        return choice;
    }

    /// <summary><c>'a' (what a is), 'b' (…) or 'c' (…)</c>.</summary>
    private static string Described<TEntry>(IReadOnlyList<TEntry> entries)
        where TEntry : IRegistryEntry
    {
        var each = entries.Select(e => $"'{e.Name}' ({e.Description})").ToList();
        return each.Count == 1 ? each[0] : string.Join(", ", each.Take(each.Count - 1)) + " or " + each[^1];
    }

    private static JsonObject Strategy()
    {
        var bidding = BiddingStrategies.Registry;
        var properties = new JsonObject
        {
            ["type"] = new JsonObject
            {
                ["enum"] = Strings(bidding.Names),
                ["description"] = "The bidding strategy: " + string.Join("; ", bidding.Entries.Select(BiddingText)) + ".",
            },
        };
        AddParameters(properties, bidding.Entries);
        properties["acceptance"] = Ref("acceptance");
        properties["opponent_model"] = Choice(OpponentModels.Registry, "The opponent model: ");

        return new JsonObject
        {
            ["oneOf"] = new JsonArray(
                new JsonObject
                {
                    ["enum"] = Strings(StrategySpec.Presets.Names),
                    ["description"] = $"A preset: {Described(StrategySpec.Presets.Entries)}; each with acceptance '{AcceptanceConditions.Default}' (unless its bidding strategy decides acceptance itself) and opponent model '{OpponentModels.Default}'.",
                },
                new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = Strings(["type"]),
                    ["description"] = "A bidding strategy with its parameters (only those it declares), an acceptance condition and an opponent model (the BOA architecture).",
                    ["properties"] = properties,
                }),
        };
    }

    private static string BiddingText(ComponentEntry<IBiddingStrategy> entry)
    {
        var text = $"'{entry.Name}' ({entry.Description})";
        if (entry.MaxParties < int.MaxValue)
        {
            text += $", at tables of at most {entry.MaxParties.ToString(CultureInfo.InvariantCulture)} parties";
        }

        return entry.DecidesAcceptance ? text + ", deciding acceptance itself (it takes no acceptance)" : text;
    }

    private static JsonObject Acceptance()
    {
        var conditions = AcceptanceConditions.Registry;
        var properties = new JsonObject { ["type"] = new JsonObject { ["enum"] = Strings(conditions.Names) } };
        AddParameters(properties, conditions.Entries);
        return new JsonObject
        {
            ["description"] = $"When to accept, '{AcceptanceConditions.Default}' by default: {Described(conditions.Entries)}; never below the reservation.",
            ["oneOf"] = new JsonArray(
                // A condition whose parameters all have defaults can be written by its name alone.
                new JsonObject { ["enum"] = Strings(conditions.Entries.Where(e => e.Parameters.All(p => p.Default is not null)).Select(e => e.Name)) },
                new JsonObject
                {
                    ["type"] = "object",
                    ["additionalProperties"] = false,
                    ["required"] = Strings(["type"]),
                    ["properties"] = properties,
                }),
        };
    }

    /// <summary>
    /// Each parameter any entry declares, once: entries that share a name must share its range and
    /// default, since one property of the schema states them.
    /// </summary>
    private static void AddParameters<T>(JsonObject properties, IReadOnlyList<ComponentEntry<T>> entries)
    {
        foreach (var group in entries.SelectMany(e => e.Parameters.Select(p => (Entry: e.Name, Parameter: p))).GroupBy(x => x.Parameter.Name, StringComparer.Ordinal))
        {
            var first = group.First().Parameter;
            if (group.Any(x => x.Parameter.Min != first.Min || x.Parameter.Max != first.Max || x.Parameter.Default != first.Default))
            {
                throw new InvalidOperationException($"Parameter {first.Name} has different ranges or defaults in {string.Join(", ", group.Select(x => x.Entry))}; give it one, or another name.");
            }

            var property = new JsonObject { ["type"] = "number", ["minimum"] = first.Min, ["maximum"] = first.Max };
            if (first.Default is { } value)
            {
                property["default"] = value;
            }

            var required = first.Default is null ? " (required)" : "";
            property["description"] = string.Join(" ", group.Select(x => $"{x.Entry}: {x.Parameter.Meaning}{required}."));
            properties[first.Name] = property;
        }
    }

    private static JsonObject Protocol() => new()
    {
        ["enum"] = Strings(Protocols.Registry.Names),
        ["default"] = Protocols.Registry.Default!.Name,
        ["description"] = string.Join(" ", Protocols.Registry.Entries.Select(e => $"'{e.Name}': {e.Description}")),
    };

    private static JsonObject Parties()
    {
        var entries = Protocols.Registry.Entries;
        return new JsonObject
        {
            ["type"] = "array",
            ["description"] = "Distinct declared countries that negotiate: " + string.Join(", ", entries.Select(e => $"{e.PartyCount} under '{e.Name}'")) + ".",
            ["items"] = Ref("countryId"),
            ["minItems"] = entries.Min(e => e.MinParties),
            ["uniqueItems"] = true,
        };
    }

    /// <summary>A protocol that takes fewer parties than the others caps <c>parties</c> when it is chosen.</summary>
    private static JsonArray PartyCaps()
    {
        var minimum = Protocols.Registry.Entries.Min(e => e.MinParties);
        var caps = new JsonArray();
        foreach (var entry in Protocols.Registry.Entries.Where(e => e.MaxParties is not null || e.MinParties > minimum))
        {
            var parties = new JsonObject();
            if (entry.MinParties > minimum)
            {
                parties["minItems"] = entry.MinParties;
            }

            if (entry.MaxParties is { } max)
            {
                parties["maxItems"] = max;
            }

            // "properties" holds when protocol is absent too, which is right for the default protocol
            // only: another one must be written to be chosen.
            var ifChosen = new JsonObject { ["properties"] = new JsonObject { ["protocol"] = new JsonObject { ["const"] = entry.Name } } };
            if (entry != Protocols.Registry.Default)
            {
                ifChosen["required"] = Strings(["protocol"]);
            }

            caps.Add(new JsonObject
            {
                ["if"] = ifChosen,
                ["then"] = new JsonObject { ["properties"] = new JsonObject { ["parties"] = parties } },
            });
        }

        return caps;
    }

    private static JsonObject Event(EventType type)
    {
        var properties = new JsonObject
        {
            ["round"] = Ref("rounds"),
            ["when"] = Ref("eventWhen"),
            ["type"] = new JsonObject { ["const"] = type.Name },
        };
        foreach (var key in type.Keys)
        {
            var schema = JsonNode.Parse(key.Schema)!.AsObject();
            schema["description"] = key.Meaning;
            properties[key.Name] = schema;
        }

        var definition = new JsonObject
        {
            ["type"] = "object",
            ["additionalProperties"] = false,
            ["required"] = Strings(["type", .. type.Keys.Where(k => k.Required).Select(k => k.Name)]),
        };
        if (type.SchemaConstraint is { } constraint)
        {
            foreach (var (keyword, value) in JsonNode.Parse(constraint)!.AsObject())
            {
                definition[keyword] = value!.DeepClone();
            }
        }

        definition["oneOf"] = new JsonArray(
            new JsonObject { ["required"] = Strings(["round"]) },
            new JsonObject { ["required"] = Strings(["when"]) });
        definition["description"] = type.Description;
        definition["properties"] = properties;
        return definition;
    }

    private static JsonObject Ref(string definition) => new() { ["$ref"] = "#/$defs/" + definition };

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode)JsonValue.Create(v))]);

    /// <summary>Every null of the skeleton is a place this class fills in; one left over is a skeleton out of step with it.</summary>
    private static void CheckFilled(JsonNode? node, string path)
    {
        switch (node)
        {
            case null:
                throw new InvalidOperationException($"The schema skeleton has a place nothing fills in: {path}.");
            case JsonObject obj:
                foreach (var (key, value) in obj)
                {
                    CheckFilled(value, path + "/" + key);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    CheckFilled(array[i], path + "/" + i.ToString(CultureInfo.InvariantCulture));
                }

                break;
        }
    }
}
