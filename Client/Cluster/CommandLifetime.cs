using Microsoft.Extensions.Hosting;

namespace Simulation.Client.Cluster;

/// <summary>
/// The host's lifetime inside a command: it starts and stops when the command says. The default
/// console lifetime would take SIGINT and SIGTERM for itself, cancel their default action and
/// only ask the host to stop, which a command never waits for, so Ctrl-C would be ignored; the
/// command line handles the signals instead (<see cref="Simulation.Client.TradeSimApp"/>).
/// </summary>
public sealed class CommandLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
