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
/// that must arrive whole (a silo sends it to the command line so). Each negotiation's
/// <c>history</c>, every turn played, is most of an outcome's size (about 100 MB in a world of a
/// hundred countries, DESIGN §7), so the outcome file holds it only when asked (<c>run --history</c>);
/// the trace CSV and the run journal carry every turn either way.
/// </summary>
public static class RunOutcomeJson
{
    /// <summary>The outcome file's form, with each negotiation's history.</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: true, withFrontier: false, withHistory: true);

    /// <summary>The outcome file's form without the histories: what <c>run</c> writes unless asked for them.</summary>
    public static JsonSerializerOptions WithoutHistory { get; } = Create(indented: true, withFrontier: false, withHistory: false);

    /// <summary>Every field, on one line: reading it back gives an equal outcome, frontier included.</summary>
    public static JsonSerializerOptions Complete { get; } = Create(indented: false, withFrontier: true, withHistory: true);

    /// <summary>The outcome file's text; <paramref name="history"/> false leaves each negotiation's <c>history</c> out.</summary>
    public static string Serialize(RunOutcome outcome, bool history = true) =>
        JsonSerializer.Serialize(outcome, history ? Options : WithoutHistory) + "\n";

    /// <summary>An outcome written with <see cref="Complete"/>.</summary>
    public static RunOutcome ReadComplete(string json) =>
        JsonSerializer.Deserialize<RunOutcome>(json, Complete) ?? throw new JsonException("The outcome is empty.");

    private static JsonSerializerOptions Create(bool indented, bool withFrontier, bool withHistory)
    {
        var resolver = new DefaultJsonTypeInfoResolver();
        if (!withFrontier)
        {
            resolver.Modifiers.Add(info => LeaveOut(info, typeof(AnalysisOutcome), "frontier"));
        }

        if (!withHistory)
        {
            resolver.Modifiers.Add(info => LeaveOut(info, typeof(NegotiationOutcome), "history"));
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

    private static void LeaveOut(JsonTypeInfo info, Type type, string name)
    {
        if (info.Type != type)
        {
            return;
        }

        foreach (var property in info.Properties.Where(p => p.Name == name))
        {
            property.ShouldSerialize = static (_, _) => false;
        }
    }
}
