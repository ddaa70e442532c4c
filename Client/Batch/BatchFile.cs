namespace Simulation.Client.Batch;

/// <summary>A result file of a batch written whole: to a temporary file beside it, then renamed over it, so a reader never sees half of one.</summary>
internal static class BatchFile
{
    public static async Task WriteAsync(string path, string contents, CancellationToken cancellation)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");
        try
        {
            await File.WriteAllTextAsync(temporary, contents, new System.Text.UTF8Encoding(false), cancellation);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
