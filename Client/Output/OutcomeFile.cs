namespace Simulation.Client.Output;

/// <summary>
/// Writes an output file all at once: to a temporary file beside it, then a rename. A crash or
/// Ctrl-C mid-write never leaves a truncated file where a good one was expected.
/// </summary>
public static class OutcomeFile
{
    public static async Task WriteAsync(string path, string contents, CancellationToken cancellation)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, $".{Path.GetFileName(full)}.{Environment.ProcessId}.tmp");
        await File.WriteAllTextAsync(temporary, contents, cancellation);
        File.Move(temporary, full, overwrite: true);
    }
}
