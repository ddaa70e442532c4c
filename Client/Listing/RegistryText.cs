using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Simulation.Client.Output;
using Simulation.Model.Registries;
using Spectre.Console;

namespace Simulation.Client.Listing;

/// <summary>
/// The sections <c>tradesim list</c> prints: Spectre tables on a terminal, plain lines for a file or
/// a pipe (one part a line, its details indented below it), or JSON for programs.
/// </summary>
public static class RegistryText
{
    /// <summary>What a part states beyond its description, one line each: parties, keys, parameters.</summary>
    public static IReadOnlyList<string> Details(RegisteredPart part)
    {
        ArgumentNullException.ThrowIfNull(part);
        var details = new List<string>();
        if (part.Parties is { } parties)
        {
            details.Add($"parties: {parties}");
        }

        if (part.Keys is { } keys)
        {
            details.Add($"keys: {string.Join(", ", keys)}");
        }

        details.AddRange(part.Parameters.Select(Parameter));
        return details;
    }

    /// <summary><c>e: from 0 to 100, default 1 (concession exponent …)</c>; a parameter without a default is required.</summary>
    public static string Parameter(EntryParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        var fallback = parameter.Default is { } value ? $"default {Number(value)}" : "required";
        return $"{parameter.Name}: from {Number(parameter.Min)} to {Number(parameter.Max)}, {fallback} ({parameter.Meaning})";
    }

    public static string Plain(IReadOnlyList<RegistrySection> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var text = new StringBuilder();
        foreach (var section in sections)
        {
            text.Append(section.Title).Append('\n');
            foreach (var part in section.Parts)
            {
                text.Append("  ").Append(part.Name).Append(part.IsDefault ? " (default)" : "").Append(": ").Append(part.Description).Append('\n');
                foreach (var detail in Details(part))
                {
                    text.Append("      ").Append(detail).Append('\n');
                }
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    public static void Tables(IAnsiConsole console, IReadOnlyList<RegistrySection> sections)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(sections);
        foreach (var section in sections)
        {
            var table = new Table { Title = new TableTitle(TerminalText.Markup(section.Title)) }
                .AddColumn(new TableColumn("name").NoWrap())
                .AddColumn("description")
                .AddColumn("parameters, parties, keys");
            foreach (var part in section.Parts)
            {
                table.AddRow(
                    TerminalText.Markup(part.Name) + (part.IsDefault ? " [dim](default)[/]" : ""),
                    TerminalText.Markup(part.Description),
                    TerminalText.Markup(string.Join("\n", Details(part))));
            }

            console.Write(table);
        }
    }

    /// <summary><c>{ "sections": [ { "kind", "title", "parts": [ … ] } ] }</c>, in the order printed.</summary>
    public static string Json(IReadOnlyList<(string Kind, RegistrySection Section)> sections)
    {
        ArgumentNullException.ThrowIfNull(sections);
        var array = new JsonArray();
        foreach (var (kind, section) in sections)
        {
            array.Add(new JsonObject
            {
                ["kind"] = kind,
                ["title"] = section.Title,
                ["parts"] = new JsonArray([.. section.Parts.Select(PartJson)]),
            });
        }

        return JsonOutput.Serialize(new JsonObject { ["sections"] = array });
    }

    private static JsonNode PartJson(RegisteredPart part)
    {
        var json = new JsonObject
        {
            ["name"] = part.Name,
            ["default"] = part.IsDefault,
            ["description"] = part.Description,
            ["parameters"] = new JsonArray([.. part.Parameters.Select(p => (JsonNode)new JsonObject
            {
                ["name"] = p.Name,
                ["min"] = p.Min,
                ["max"] = p.Max,
                ["default"] = p.Default,
                ["meaning"] = p.Meaning,
            })]),
        };
        if (part.Parties is { } parties)
        {
            json["parties"] = parties;
        }

        if (part.Keys is { } keys)
        {
            json["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)JsonValue.Create(k))]);
        }

        return json;
    }

    private static string Number(double value) => value.ToString(CultureInfo.InvariantCulture);
}
