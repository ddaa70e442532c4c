namespace Simulation.Client.Hosting;

/// <summary>
/// A run that ended without an outcome: the engine failed, or the run was stopped by someone else.
/// The message is the reason alone (a batch writes it in the run's row, beside the run id);
/// <c>run</c> prints it after the run id.
/// </summary>
public sealed class RunFailedException(string runId, string reason, Exception? inner = null) : Exception(reason, inner)
{
    public string RunId { get; } = runId;
}
