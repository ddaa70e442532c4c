using System.Security.Cryptography;
using System.Text;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// The first event of every run: the scenario's name, the SHA-256 of its text (lower-case hex), and
/// the seed. A journal is resumed only with the scenario and seed it names.
/// </summary>
public sealed record RunStarted(string Scenario, string Sha256, long Seed) : RunEvent
{
    /// <summary>The start of a run of <paramref name="scenario"/>, read from <paramref name="scenarioText"/>, with <paramref name="seed"/>.</summary>
    public static RunStarted For(Scenario scenario, string scenarioText, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(scenarioText);
        return new RunStarted(scenario.Name, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(scenarioText))), seed);
    }
}
