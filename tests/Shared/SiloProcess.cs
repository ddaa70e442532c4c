using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Simulation.Tests.Shared;

/// <summary>
/// The built Silo host running as a separate process on ports of its own, as a person starts it.
/// Disposing it kills the process tree, whatever state the test left it in.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();
    private readonly SemaphoreSlim lineArrived = new(0);

    private SiloProcess(Process process, int siloPort, int gatewayPort, int dashboardPort)
    {
        this.process = process;
        (SiloPort, GatewayPort, DashboardPort) = (siloPort, gatewayPort, dashboardPort);
        process.OutputDataReceived += (_, e) => Collect(e.Data);
        process.ErrorDataReceived += (_, e) => Collect(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public int DashboardPort { get; }

    public string Output => string.Join('\n', output);

    public bool HasExited => process.HasExited;

    /// <summary>Sends the silo process a signal: STOP freezes it (a silo that no longer answers, yet keeps its connections open), CONT thaws it.</summary>
    public async Task SignalAsync(string signal)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, $"{process.Id}" } })!;
        await kill.WaitForExitAsync();
        if (kill.ExitCode != 0)
        {
            throw new InvalidOperationException($"kill -s {signal} {process.Id} failed with {kill.ExitCode}");
        }
    }

    /// <summary>Runs the silo with <paramref name="args"/> to its exit (for option errors).</summary>
    public static Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(params string[] args) => RunToExitAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the silo with <paramref name="args"/> and these environment variables (e.g. TradeSim__SiloPort) to its exit.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunToExitAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = StartInfo(args);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(hang.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>
    /// Starts a silo on free loopback ports and waits until it says it is up. A port found free can
    /// be taken by someone else before the silo binds it, so a start that fails is retried on new ports.
    /// </summary>
    /// <param name="extraArgs">More options, e.g. --cluster redis=127.0.0.1:PORT to join a cluster.</param>
    public static async Task<SiloProcess> StartAsync(params string[] extraArgs)
    {
        for (var attempt = 1; ; attempt++)
        {
            var (silo, gateway, dashboard) = (FreePort(), FreePort(), FreePort());
            string[] args = ["--silo-port", $"{silo}", "--gateway-port", $"{gateway}", "--dashboard-port", $"{dashboard}", .. extraArgs];
            var started = new SiloProcess(Process.Start(StartInfo(args))!, silo, gateway, dashboard);
            if (await started.WaitForLineAsync("TradeSim silo up", TimeSpan.FromMinutes(2)))
            {
                return started;
            }

            var log = started.Output;
            await started.DisposeAsync();
            if (attempt == 3)
            {
                throw new InvalidOperationException($"The silo did not start:\n{log}");
            }
        }
    }

    /// <summary>Waits for a line containing <paramref name="text"/>; false if the process exits or the wait times out first.</summary>
    public async Task<bool> WaitForLineAsync(string text, TimeSpan limit)
    {
        using var hang = new CancellationTokenSource(limit);
        while (!output.Any(line => line.Contains(text, StringComparison.Ordinal)))
        {
            if (process.HasExited)
            {
                return false;
            }

            try
            {
                await lineArrived.WaitAsync(TimeSpan.FromMilliseconds(200), hang.Token);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lineArrived.Dispose();
    }

    private void Collect(string? line)
    {
        if (line is not null)
        {
            output.Enqueue(line);
            lineArrived.Release();
        }
    }

    private static ProcessStartInfo StartInfo(IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(SiloAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return start;
    }

    private static string SiloAssembly { get; } = FindSilo();

    private static string FindSilo()
    {
        // The test runs from tests/.../bin/CONFIGURATION/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "Silo", "bin", configuration, "net10.0", "Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The silo is not built at {path}.", path);
    }

    /// <summary>A loopback port that was free a moment ago.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
