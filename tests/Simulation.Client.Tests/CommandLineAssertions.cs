namespace Simulation.Client.Tests;

/// <summary>What every failing command owes its user, whatever went wrong.</summary>
public static class CommandLineAssertions
{
    public static void NoStackTrace(TradeSimProcess.Result result)
    {
        (result.Stdout + result.Stderr).Should().NotMatchRegex(@"\n\s+at \S+\(", "users see messages, not stack traces");
        result.Stderr.Should().NotContain("Exception");
    }

    /// <summary>The directory holds exactly these entries: no temporary file was left beside them.</summary>
    public static void HoldsOnly(string directory, params string[] names) =>
        Directory.GetFileSystemEntries(directory).Select(Path.GetFileName).Should().BeEquivalentTo(names, "nothing else, no temporary file, is left in {0}", directory);
}
