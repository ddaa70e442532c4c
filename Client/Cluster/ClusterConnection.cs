using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Orleans.Configuration;
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

    private ClusterConnection(IHost host, bool embedded, CancellationToken cancellation)
    {
        this.host = host;
        Embedded = embedded;
        this.cancellation = cancellation;
    }

    public bool Embedded { get; }

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    /// <param name="cancellation">Cancels opening; once it is cancelled, closing is hurried too.</param>
    public static async Task<ClusterConnection> OpenAsync(string? gateway, CancellationToken cancellation)
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

        if (gateway is null)
        {
            // Ports of our own, so an embedded run never collides with a silo already running here.
            var options = new TradeSimSiloOptions
            {
                SiloPort = FreeLoopbackPort(),
                GatewayPort = FreeLoopbackPort(),
                ClusterId = $"tradesim-embedded-{Environment.ProcessId}",
            };
            builder.UseOrleans(silo => silo.UseTradeSim(options));
        }
        else
        {
            var endpoint = await GatewayAddress.ResolveAsync(gateway);
            builder.UseOrleansClient(client =>
            {
                client.UseStaticClustering(endpoint);
                client.Configure<ClusterOptions>(cluster =>
                {
                    cluster.ClusterId = TradeSimSiloOptions.DefaultClusterId;
                    cluster.ServiceId = TradeSimSiloOptions.DefaultServiceId;
                });
                client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(5));
            });
        }

        var connection = new ClusterConnection(builder.Build(), gateway is null, cancellation);
        try
        {
            await connection.host.StartAsync(cancellation);
        }
        catch (Exception error)
        {
            await connection.DisposeAsync();
            if (gateway is not null && error is not OperationCanceledException)
            {
                throw new InvalidOperationException($"cannot reach a TradeSim silo at {gateway}: {error.Message}", error);
            }

            throw;
        }

        return connection;
    }

    /// <summary>
    /// Stops the silo or client. After a cancellation the stop is hurried (grains are not waited
    /// for) and bounded: a stop that does not finish in time is abandoned, since the process is
    /// about to exit and the user asked it to.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        var allowed = cancellation.IsCancellationRequested ? HurriedStop : GracefulStop;
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
