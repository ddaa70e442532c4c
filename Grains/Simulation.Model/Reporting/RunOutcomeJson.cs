using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Simulation.Model.Reporting;

/// <summary>
/// The outcome's JSON form (DESIGN §6.2): snake_case, indented, absent fields left out rather than
/// faked. Doubles are written round-trip exact, so equal outcomes give byte-identical files, and
/// never as NaN or an infinity (<see cref="FiniteNumberJsonConverter"/>). The Pareto frontier is
/// written by <c>run --frontier</c> as CSV, not here; <see cref="Complete"/> keeps it, for an outcome
/// that must arrive whole (a silo sends it to the command line so).
/// </summary>
public static class RunOutcomeJson
{
    /// <summary>The outcome file's form.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true, withFrontier: false);

    /// <summary>Every field, on one line: reading it back gives an equal outcome, frontier included.</summary>
    public static JsonSerializerOptions Complete { get; } = Create(indented: false, withFrontier: true);

    public static string Serialize(RunOutcome outcome) => JsonSerializer.Serialize(outcome, Options) + "\n";

    /// <summary>An outcome written with <see cref="Complete"/>.</summary>
    public static RunOutcome ReadComplete(string json) =>
        JsonSerializer.Deserialize<RunOutcome>(json, Complete) ?? throw new JsonException("The outcome is empty.");

    private static JsonSerializerOptions Create(bool indented, bool withFrontier)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (!withFrontier)
        {
            resolver.Modifiers.Add(LeaveOutFrontier);
        }

        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DictionaryKeyPolicy = null,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FiniteNumberJsonConverter() },
            TypeInfoResolver = resolver,
        };
        options.MakeReadOnly();
        return options;
    }

    private static void LeaveOutFrontier(JsonTypeInfo info)
    {
        if (info.Type != typeof(AnalysisOutcome))
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name == "frontier"))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }
}
