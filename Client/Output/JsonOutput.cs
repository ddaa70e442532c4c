using System.Text.Json;
using Simulation.Model.Reporting;

namespace Simulation.Client.Output;

/// <summary>Every JSON the CLI prints follows the outcome's conventions: snake_case, indented, nulls left out.</summary>
public static class JsonOutput
{
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, RunOutcomeJson.Options) + "\n";
}
