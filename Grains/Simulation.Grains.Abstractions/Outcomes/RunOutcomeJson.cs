using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// The outcome's JSON form (DESIGN §6.2): snake_case, indented, absent fields left out rather than
/// faked. Doubles are written round-trip exact, so equal outcomes give byte-identical files, and
/// never as NaN or an infinity (<see cref="FiniteNumberJsonConverter"/>).
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
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new FiniteNumberJsonConverter() },
    };

    public static string Serialize(RunOutcome outcome) => JsonSerializer.Serialize(outcome, Options) + "\n";
}
