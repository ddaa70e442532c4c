using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// The outcome's JSON form (DESIGN §6.2): snake_case, indented, absent fields left out rather than
/// faked. Doubles are written round-trip exact, so equal outcomes give byte-identical files.
/// </summary>
public static class RunOutcomeJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    public static string Serialize(RunOutcome outcome) => JsonSerializer.Serialize(outcome, Options) + "\n";
}
