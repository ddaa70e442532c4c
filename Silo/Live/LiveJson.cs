using System.Text.Json;
using System.Text.Json.Serialization;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// How the live endpoints write JSON: camelCase names (the web's default), a run's phase as the word
/// the dashboard and the CLI use ("running", "completed", "failed", "cancelled"), and a number that
/// is not finite as a string ("NaN"), which no utility should be but which must not break a stream.
/// </summary>
public static class LiveJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new PhaseWord() },
    };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    private sealed class PhaseWord : JsonConverter<RunPhase>
    {
        public override RunPhase Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var word = reader.GetString();
            foreach (var phase in Enum.GetValues<RunPhase>())
            {
                if (RunPhases.Name(phase) == word)
                {
                    return phase;
                }
            }

            throw new JsonException($"'{word}' is not a run phase");
        }

        public override void Write(Utf8JsonWriter writer, RunPhase value, JsonSerializerOptions options) =>
            writer.WriteStringValue(RunPhases.Name(value));
    }
}
