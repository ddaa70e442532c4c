namespace Simulation.Client.Cluster;

/// <summary>
/// Keeps trying to reach a gateway until the connect timeout, at a short fixed interval, instead of
/// Orleans' default (15 tries with a growing delay, about three minutes in all), and remembers
/// why the last try failed for the message the user sees.
/// </summary>
public sealed class GatewayRetry(CancellationToken deadline) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    public Exception? LastFailure { get; private set; }

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LastFailure = exception;
        if (exception is not (OrleansException or TimeoutException) || deadline.IsCancellationRequested || cancellationToken.IsCancellationRequested)
        {
            return false;
        }

        try
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(deadline, cancellationToken);
            await Task.Delay(Interval, stop.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
