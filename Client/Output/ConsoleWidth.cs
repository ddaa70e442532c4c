using System.Globalization;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>
/// How wide the CLI's output may be. On a terminal, the terminal's width (Spectre asks it). When
/// the output goes to a file or a pipe there is no width to respect, and Spectre's fallback of 80
/// columns would wrap tables mid-number; then COLUMNS, if set, is the width, and otherwise lines
/// are never wrapped.
/// </summary>
public static class ConsoleWidth
{
    /// <summary>Wide enough that no table or message of ours reaches it: in effect, no wrapping.</summary>
    private const int Unbounded = 1 << 20;

    public static void Apply()
    {
        if (Console.IsOutputRedirected)
        {
            AnsiConsole.Profile.Width = Redirected();
        }

        if (Console.IsErrorRedirected)
        {
            Reports.Stderr.Profile.Width = Redirected();
        }
    }

    private static int Redirected() =>
        int.TryParse(Environment.GetEnvironmentVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns > 0
            ? columns
            : Unbounded;
}
