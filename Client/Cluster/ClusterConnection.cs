using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
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
    private readonly IHost host;

    private ClusterConnection(IHost host, bool embedded)
    {
        this.host = host;
        Embedded = embedded;
    }

    public bool Embedded { get; }

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public static async Task<ClusterConnection> OpenAsync(string? gateway, CancellationToken cancellation)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });

        // The CLI's stdout is for results; the runtime only speaks up, on stderr, when something is wrong.
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Error);

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

        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellation);
        }
        catch (Exception error) when (gateway is not null && error is not OperationCanceledException)
        {
            host.Dispose();
            throw new InvalidOperationException($"cannot reach a TradeSim silo at {gateway}: {error.Message}", error);
        }

        return new ClusterConnection(host, gateway is null);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
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
