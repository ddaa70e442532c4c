namespace Simulation.Client.Batch;

/// <summary>
/// A batch file could not be written (a full disk, a quota, a lost mount). It is no fault of a run,
/// so it stops the batch as Ctrl-C does instead of marking runs failed: every run written before
/// is whole, and <c>--resume</c> plays the others once the cause is gone.
/// </summary>
internal sealed class BatchWriteException(string path, Exception inner)
    : IOException($"cannot write {path}: {inner?.Message}", inner)
{
    public string Path { get; } = path;
}
