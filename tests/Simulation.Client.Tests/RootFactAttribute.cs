namespace Simulation.Client.Tests;

/// <summary>
/// A test that needs root (to mount a small tmpfs, a real file system that fills up): run where
/// the tests run as root, as in CI, and reported as skipped, with why, elsewhere.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!IsRoot())
        {
            Skip = "needs root on Linux to mount a tmpfs; the same fault is tested without root through an injected writer";
        }
    }

    /// <summary>Whether the effective user id is 0: the second number of the Uid line of /proc/self/status (proc(5)).</summary>
    private static bool IsRoot() =>
        OperatingSystem.IsLinux() && File.Exists("/proc/self/status") &&
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal)) is { } uid &&
        uid.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries) is [_, _, "0", ..];
}
