using System.Diagnostics;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>Runs the built `tradesim` CLI as a separate process, as a user would, and captures what it prints.</summary>
public static class TradeSimProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static async Task<Result> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }

    /// <summary>The CLI built beside this test assembly, in the same configuration (Debug or Release).</summary>
    internal static string CliAssembly { get; } = FindCli();

    private static string FindCli()
    {
        // The test runs from tests/.../bin/CONFIGURATION/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "Client", "bin", configuration, "net10.0", "tradesim.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The CLI is not built at {path}.", path);
    }
}
