using Simulation.Client.Commands;
using Simulation.Client.Output;

namespace Simulation.Client.Plots;

/// <summary>The folder an option names for charts, made before any work, so that one that cannot be written is told at once (exit 2), not after minutes of runs.</summary>
internal static class PlotsFolder
{
    /// <exception cref="UsageException">It cannot be made.</exception>
    public static void Create(string option, string path)
    {
        try
        {
            Directory.CreateDirectory(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{option} '{TerminalText.Safe(path)}': {error.Message}");
        }
    }
}
