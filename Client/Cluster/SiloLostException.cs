namespace Simulation.Client.Cluster;

/// <summary>
/// The silo a command's runs are on stopped answering: its process died, or the way to it did.
/// This is not a result of any run. A run it interrupted has not failed, it is only unfinished, so
/// a batch stops (as Ctrl-C stops it) and writes no row for it, and <c>--resume</c> plays it once
/// the silo is back.
/// </summary>
public sealed class SiloLostException(string message, Exception? inner) : Exception(message, inner)
{
    /// <summary>
    /// Whether an error from a call to a grain means that no answer came from the silo: the
    /// runtime's own errors (connection failed, silo unavailable, message rejected) and a wait
    /// that timed out. An exception the grain's code throws reaches the caller as itself, so it is
    /// none of these.
    /// </summary>
    public static bool IsLoss(Exception error) => error is SiloLostException or OrleansException or TimeoutException;

    /// <summary>The error a call to run <paramref name="runId"/> gets when <paramref name="silo"/> did not answer <paramref name="what"/>.</summary>
    public static SiloLostException Of(string silo, string runId, string what, Exception error, TimeSpan reach)
    {
        ArgumentNullException.ThrowIfNull(error);
        if (error is SiloLostException lost)
        {
            return lost;
        }

        var why = error switch
        {
            TimeoutException => $"no answer within {reach.TotalSeconds:0} s",
            Orleans.Runtime.Messaging.ConnectionFailedException or SiloUnavailableException => "the connection to it failed",
            _ => error.Message.Split('\n')[0].Trim(),
        };
        return new SiloLostException($"lost {silo}: run {runId} did not answer {what} ({why})", error);
    }
}
