using System.Text.Json;
using System.Text.Json.Serialization;

namespace Simulation.Model.Reporting;

/// <summary>
/// Writes doubles as System.Text.Json does, and refuses NaN and infinities with a message that
/// says so, instead of the serializer's advice to allow "named floating-point literals": JSON has
/// no such numbers, and a file with "NaN" in it breaks the tools that read outcomes. The models
/// fail before returning such a number; this is the last guard before anything is written.
/// </summary>
public sealed class FiniteNumberJsonConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!double.IsFinite(value))
        {
            throw new JsonException(
                $"a result is not a finite number (it is {(double.IsNaN(value) ? "not a number" : value > 0 ? "infinite" : "minus infinite")}) and JSON cannot hold it; nothing was written. " +
                "The inputs passed validation, so this is a defect: please report it with the input files.");
        }

        writer.WriteNumberValue(value);
    }
}
