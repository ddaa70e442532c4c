using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
using Simulation.Client.Commands;
using Simulation.Grains.Hosting;

namespace Simulation.Client.Cluster;

/// <summary>
/// A connection to a TradeSim cluster: either a silo hosted in this process (the default; nothing
/// to install) configured by the same extension as the Silo project, or a client of a running
/// silo's gateway.
/// </summary>
public sealed class ClusterConnection : IAsyncDisposable
{
    /// <summary>How long a stop may wait for grains to finish their work after a command completed.</summary>
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(10);

    /// <summary>How long a stop may take after the command was cancelled: the user asked to stop now.</summary>
    private static readonly TimeSpan HurriedStop = TimeSpan.FromSeconds(1);

    private readonly IHost host;
    private readonly CancellationToken cancellation;
    private bool started;

    private ClusterConnection(IHost host, bool embedded, CancellationToken cancellation)
    {
        this.host = host;
        Embedded = embedded;
        this.cancellation = cancellation;
    }

    public bool Embedded { get; }

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Hosts a silo in this process (<paramref name="gateway"/> null) or joins a running one's gateway.</summary>
    /// <param name="connectTimeout">How long to keep trying to reach the gateway.</param>
    /// <param name="cancellation">Cancels opening; once it is cancelled, closing is hurried too.</param>
    public static Task<ClusterConnection> OpenAsync(string? gateway, TimeSpan connectTimeout, CancellationToken cancellation) =>
        gateway is null ? HostAsync(cancellation) : ConnectAsync(gateway, connectTimeout, cancellation);

    private static async Task<ClusterConnection> HostAsync(CancellationToken cancellation)
    {
        var builder = NewBuilder(cancellation);

        // Ports of our own, so an embedded run never collides with a silo already running here.
        var options = new TradeSimSiloOptions
        {
            SiloPort = FreeLoopbackPort(),
            GatewayPort = FreeLoopbackPort(),
            ClusterId = $"tradesim-embedded-{Environment.ProcessId}",
        };
        builder.UseOrleans(silo => silo.UseTradeSim(options));

        var connection = new ClusterConnection(builder.Build(), embedded: true, cancellation);
        try
        {
            await connection.host.StartAsync(cancellation);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        connection.started = true;
        return connection;
    }

    /// <summary>
    /// Joins the silo at <paramref name="gateway"/>, trying until <paramref name="timeout"/> has
    /// passed (DESIGN §8: joining a cluster that is not there fails within a stated time, with a
    /// message that says what was tried).
    /// </summary>
    private static async Task<ClusterConnection> ConnectAsync(string gateway, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        var within = $"within {OptionValue.Show(timeout)} (--connect-timeout)";
        InvalidOperationException Unreachable(string why) => new($"cannot reach a TradeSim silo at {gateway} {within}: {why}");

        IPEndPoint endpoint;
        try
        {
            endpoint = await GatewayAddress.ResolveAsync(gateway, deadline.Token);
        }
        catch (SocketException error)
        {
            throw Unreachable($"its host name does not resolve ({error.Message})");
        }
        catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
        {
            throw Unreachable("its host name did not resolve in time");
        }

        var retry = new GatewayRetry(deadline.Token);
        var builder = NewBuilder(cancellation);
        builder.UseOrleansClient(client =>
        {
            client.UseStaticClustering(endpoint);
            client.Configure<ClusterOptions>(cluster =>
            {
                cluster.ClusterId = TradeSimSiloOptions.DefaultClusterId;
                cluster.ServiceId = TradeSimSiloOptions.DefaultServiceId;
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(5));
            client.UseConnectionRetryFilter(retry);
        });

        var connection = new ClusterConnection(builder.Build(), embedded: false, cancellation);
        try
        {
            await connection.host.StartAsync(deadline.Token);
        }
        catch (Exception error)
        {
            await connection.DisposeAsync();
            cancellation.ThrowIfCancellationRequested();
            var why = retry.LastFailure ?? (error is OperationCanceledException ? null : error);
            throw Unreachable(why is null ? "no answer" : $"the last attempt failed: {why.Message}");
        }

        connection.started = true;
        return connection;
    }

    private static HostApplicationBuilder NewBuilder(CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSingleton<IHostLifetime, CommandLifetime>();

        // The CLI's stdout is for results; the runtime only speaks up, on stderr, when something is
        // wrong, in one line without a stack trace, and not at all once the user asked to stop (a
        // cancelled start or a hurried stop makes errors that are no news).
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console =>
        {
            console.LogToStandardErrorThreshold = LogLevel.Trace;
            console.FormatterName = OneLineLogFormatter.FormatterName;
        });
        builder.Logging.AddConsoleFormatter<OneLineLogFormatter, ConsoleFormatterOptions>();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Logging.AddFilter((_, level) => level >= LogLevel.Error && !cancellation.IsCancellationRequested);

        // A host that fails to start says so through the exception the command reports.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting", LogLevel.None);
        return builder;
    }

    /// <summary>
    /// Stops the silo or client. After a cancellation the stop is hurried (grains are not waited
    /// for) and bounded: a stop that does not finish in time is abandoned, since the process is
    /// about to exit and the user asked it to.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // Nothing is worth waiting for in a host that never started.
        var allowed = cancellation.IsCancellationRequested || !started ? HurriedStop : GracefulStop;
        var stopping = StopAsync(allowed);
        await Task.WhenAny(stopping, Task.Delay(allowed + allowed));
    }

    private async Task StopAsync(TimeSpan allowed)
    {
        try
        {
            using var timeout = new CancellationTokenSource(allowed);
            await host.StopAsync(timeout.Token);
        }
        catch (Exception error) when (error is OperationCanceledException or TimeoutException)
        {
            // Not stopped in time: what remains is torn down with the process.
        }
        finally
        {
            host.Dispose();
        }
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
