using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Simulation.Tests.Shared;

/// <summary>
/// Debian's redis-server, started by a test on a free loopback port in a temporary directory of its
/// own, with persistence off (nothing is saved, so a restart starts empty, as a Redis that lost its
/// data would), and stopped with everything it left when disposed. <see cref="RestartAsync"/> brings
/// it back on the same port, for the tests of a cluster whose Redis went away.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string Executable = "/usr/bin/redis-server";

    private readonly string directory;
    private readonly ConcurrentQueue<string> output = new();
    private Process? process;

    private RedisServer(string directory, int port)
    {
        this.directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The address as the silo and the CLI take it: --cluster redis=127.0.0.1:PORT.</summary>
    public string ClusterAddress => $"redis=127.0.0.1:{Port}";

    public string Output => string.Join('\n', output);

    /// <summary>
    /// Starts a Redis server on a port that was free a moment ago. A port can be taken between
    /// choosing it and binding it, so a server that does not come up is tried again on another.
    /// </summary>
    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: install it with 'bash .ci/install-redis' (apt-get install redis-server).");
        }

        for (var attempt = 1; ; attempt++)
        {
            var server = new RedisServer(Directory.CreateTempSubdirectory("tradesim-redis-").FullName, SiloProcess.FreePort());
            if (await server.LaunchAsync())
            {
                return server;
            }

            var log = server.Output;
            await server.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"redis-server did not start:\n{log}");
            }
        }
    }

    /// <summary>Kills the server at once (SIGKILL), as a crashed or unplugged Redis would go.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Starts the server again on the same port, empty (persistence is off).</summary>
    public async Task RestartAsync()
    {
        await KillAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!await LaunchAsync())
        {
            // The port can linger for a moment after the kill; try again until the limit.
            await Task.Delay(TimeSpan.FromMilliseconds(200), limit.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process?.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    /// <summary>Starts redis-server and waits until it answers PING; false if it exits first or does not answer within 20 seconds.</summary>
    private async Task<bool> LaunchAsync()
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = directory,
        };
        foreach (var arg in new[] { "--port", $"{Port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory, "--daemonize", "no" })
        {
            start.ArgumentList.Add(arg);
        }

        process?.Dispose();
        process = Process.Start(start)!;
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            if (await AnswersPingAsync())
            {
                return true;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        await KillAsync();
        return false;
    }

    /// <summary>Whether the server answers PING with +PONG (RESP, the protocol's plainest exchange).</summary>
    private async Task<bool> AnswersPingAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception error) when (error is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
        }
    }
}
