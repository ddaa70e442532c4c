namespace Simulation.Client.Batch;

/// <summary>
/// A batch file could not be written (a full disk, a quota, a lost mount). It is no fault of a run,
/// so it stops the batch as Ctrl-C does instead of marking runs failed: every run written before
/// is whole, and <c>--resume</c> plays the others once the cause is gone.
/// </summary>
internal sealed class BatchWriteException(string path, Exception inner)
    : IOException($"cannot write {path}: {Reason(inner)}", inner)
{
    public string Path { get; } = path;

    /// <summary>The system's reason ("No space left on device"), without the full path .NET appends to it: the message names the file already.</summary>
    private static string Reason(Exception inner)
    {
        var message = inner?.Message ?? "";
        var cut = message.LastIndexOf(" : '", StringComparison.Ordinal);
        return cut > 0 && message.EndsWith('\'') ? message[..cut] : message;
    }
}
