using System.Security.Cryptography;
using System.Text;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// Grain keys. A run id is derived from the scenario content and the seed (DESIGN §5.2), so
/// resubmitting the same run reaches the same grain instead of starting a second one.
/// </summary>
public static class RunIds
{
    public static string For(string scenarioText, long seed, string variant = "")
    {
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes($"{scenarioText}\n--seed={seed}\n--variant={variant}"));
        return "run-" + Convert.ToHexStringLower(digest.AsSpan(0, 8));
    }

    /// <summary>
    /// Whether <paramref name="text"/> has the shape <see cref="For"/> gives a run id ("run-" and 16
    /// lowercase hexadecimal digits), so text from outside (a URL) is checked before it becomes a grain key.
    /// </summary>
    public static bool IsRunId(string? text) =>
        text is { Length: 20 } && text.StartsWith("run-", StringComparison.Ordinal) && !text.AsSpan(4).ContainsAnyExcept("0123456789abcdef");

    public static string Country(string runId, string country) => $"{runId}/{country}";

    public static string Negotiation(string runId, string negotiation) => $"{runId}/{negotiation}";
}
