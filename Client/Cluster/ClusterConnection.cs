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
    private bool lost;

    private ClusterConnection(IHost host, string silo, bool embedded, CancellationToken cancellation)
    {
        this.host = host;
        Embedded = embedded;
        Silo = silo;
        this.cancellation = cancellation;
    }

    public bool Embedded { get; }

    /// <summary>Where the grains live, as a message names it: the embedded silo, the silo at the gateway given, or the cluster.</summary>
    public string Silo { get; }

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>
    /// Hosts a silo in this process (neither <paramref name="gateway"/> nor <paramref name="cluster"/>
    /// given), joins a running silo's gateway, or joins the cluster whose silos are listed in Redis.
    /// </summary>
    /// <param name="connectTimeout">How long to keep trying to reach the gateway or the cluster.</param>
    /// <param name="cancellation">Cancels opening; once it is cancelled, closing is hurried too.</param>
    public static Task<ClusterConnection> OpenAsync(string? gateway, ClusterAddress? cluster, TimeSpan connectTimeout, CancellationToken cancellation) =>
        (gateway, cluster) switch
        {
            (not null, _) => ConnectAsync(gateway, connectTimeout, cancellation),
            (_, not null) => JoinAsync(cluster, connectTimeout, cancellation),
            _ => HostAsync(FreeLoopbackPorts, cancellation),
        };

    /// <summary>How many times an embedded silo is started on new ports when someone took its ports first.</summary>
    internal const int PortAttempts = 3;

    /// <summary>
    /// Hosts a silo in this process on ports of its own, so an embedded run never collides with a
    /// silo already running here. A port found free is free only until someone binds it, and
    /// Orleans needs its port numbers before it binds them (the silo advertises its address), so a
    /// start that finds its ports taken is retried on new ones.
    /// </summary>
    internal static async Task<ClusterConnection> HostAsync(Func<(int Silo, int Gateway)> choosePorts, CancellationToken cancellation)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (siloPort, gatewayPort) = choosePorts();
            var options = new TradeSimSiloOptions
            {
                SiloPort = siloPort,
                GatewayPort = gatewayPort,
                ClusterId = $"tradesim-embedded-{Environment.ProcessId}",
            };
            var builder = NewBuilder(cancellation);
            builder.UseOrleans(silo => silo.UseTradeSim(options));

            var connection = new ClusterConnection(builder.Build(), "the embedded silo", embedded: true, cancellation);
            try
            {
                await connection.host.StartAsync(cancellation);
                connection.started = true;
                return connection;
            }
            catch (Exception error) when (attempt < PortAttempts && IsPortTaken(error) && !cancellation.IsCancellationRequested)
            {
                await connection.DisposeAsync();
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }
    }

    private static bool IsPortTaken(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse })
            {
                return true;
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Any(IsPortTaken))
            {
                return true;
            }
        }

        return false;
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
        InvalidOperationException Unreachable(string why) => new($"cannot reach a TradeSim silo at {Output.TerminalText.Safe(gateway)} {within}: {why}");

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

        return await StartClientAsync(client => client.UseStaticClustering(endpoint), $"the TradeSim silo at {gateway}", Unreachable, deadline.Token, cancellation);
    }

    /// <summary>
    /// Joins the cluster whose membership is in Redis at <paramref name="cluster"/>: the client
    /// reads the gateways of the live silos there, and moves to another when one goes away (DESIGN
    /// §5.3). Fails within <paramref name="timeout"/> when Redis does not answer or lists no silo.
    /// </summary>
    private static async Task<ClusterConnection> JoinAsync(ClusterAddress cluster, TimeSpan timeout, CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(timeout);
        InvalidOperationException Unreachable(string why) =>
            new($"cannot join the TradeSim cluster at {cluster} within {OptionValue.Show(timeout)} (--connect-timeout): {why}");
        try
        {
            return await StartClientAsync(
                client => client.UseRedisClustering(redis => redis.ConfigurationOptions = cluster.RedisConfiguration(RedisConnectTimeout(timeout))),
                $"the TradeSim cluster at {cluster}", Unreachable, deadline.Token, cancellation);
        }
        catch (InvalidOperationException error) when (error.InnerException is { } cause)
        {
            // Redis answered, or did not: say which, and what to start.
            throw Unreachable(cluster.Unanswered(cause) ?? (cause is SiloUnavailableException or OrleansException
                ? $"Redis answered, but lists no silo whose gateway answers: start silos with 'dotnet run --project Silo -- --cluster {cluster}'"
                : FirstLine(cause.Message)));
        }
    }

    /// <summary>
    /// How long the Redis client may take to connect when the CLI joins within
    /// <paramref name="timeout"/>: a silo's time (<see cref="ClusterAddress.ConnectTimeout"/>), or a
    /// third of the join's if that is shorter (the client tries twice, and the join has a client to
    /// start besides), so that a Redis that does not answer is found out, and said, within the time
    /// the message states rather than cut short by it as "no answer".
    /// </summary>
    internal static TimeSpan RedisConnectTimeout(TimeSpan timeout) =>
        TimeSpan.FromTicks(Math.Min(ClusterAddress.ConnectTimeout.Ticks, timeout.Ticks / 3));

    /// <summary>Starts a client of a running cluster, found as <paramref name="clustering"/> says, trying until <paramref name="deadline"/>.</summary>
    private static async Task<ClusterConnection> StartClientAsync(
        Action<IClientBuilder> clustering, string silo, Func<string, InvalidOperationException> unreachable, CancellationToken deadline, CancellationToken cancellation)
    {
        var retry = new GatewayRetry(deadline);
        var builder = NewBuilder(cancellation);
        builder.UseOrleansClient(client =>
        {
            clustering(client);
            client.Configure<ClusterOptions>(ids =>
            {
                ids.ClusterId = TradeSimSiloOptions.DefaultClusterId;
                ids.ServiceId = TradeSimSiloOptions.DefaultServiceId;
            });
            client.Configure<ClientMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(5));
            client.UseConnectionRetryFilter(retry);
        });

        var connection = new ClusterConnection(builder.Build(), silo, embedded: false, cancellation);
        try
        {
            await connection.host.StartAsync(deadline);
        }
        catch (Exception error)
        {
            await connection.DisposeAsync();
            cancellation.ThrowIfCancellationRequested();
            var why = retry.LastFailure ?? (error is OperationCanceledException ? null : error);
            var failure = unreachable(why is null ? "no answer" : $"the last attempt failed: {FirstLine(why.Message)}");
            throw why is null ? failure : new InvalidOperationException(failure.Message, why);
        }

        connection.started = true;
        return connection;
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();

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

    /// <summary>Notes that the silo stopped answering (<see cref="SiloLostException"/>), so that closing does not wait for it.</summary>
    public void MarkLost() => lost = true;

    /// <summary>
    /// Stops the silo or client. After a cancellation, or once the silo was lost, the stop is
    /// hurried (grains are not waited for) and bounded: a stop that does not finish in time is
    /// abandoned, since the process is about to exit and the user asked it to.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        // Nothing is worth waiting for in a host that never started, or a silo that is gone.
        var allowed = cancellation.IsCancellationRequested || !started || lost ? HurriedStop : GracefulStop;
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

    /// <summary>Two distinct loopback ports that were free a moment ago (both held while choosing, so they differ).</summary>
    internal static (int Silo, int Gateway) FreeLoopbackPorts()
    {
        using var silo = new TcpListener(IPAddress.Loopback, 0);
        using var gateway = new TcpListener(IPAddress.Loopback, 0);
        silo.Start();
        gateway.Start();
        return (((IPEndPoint)silo.LocalEndpoint).Port, ((IPEndPoint)gateway.LocalEndpoint).Port);
    }
}
