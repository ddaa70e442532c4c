using System.Diagnostics;
using System.Text;

namespace Simulation.Tests.Shared;

/// <summary>
/// Runs the built `tradesim` CLI as a separate process, as a user would, and captures what it prints.
/// A process that outlives its test's time limit is killed with everything it started, so a hanging
/// CLI fails its test instead of lingering on the machine.
/// </summary>
public static class TradeSimProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>How long a test waits for the CLI before killing it; a safety net, not a timed assertion.</summary>
    public static readonly TimeSpan DefaultLimit = TimeSpan.FromMinutes(3);

    public static Task<Result> RunAsync(params string[] args) => RunAsync(args, environment: null);

    public static async Task<Result> RunAsync(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment, TimeSpan? limit = null, string? stdin = null)
    {
        using var running = Start(args, environment, ownProcessGroup: false, stdin);
        return await running.WaitForExitAsync(limit ?? DefaultLimit);
    }

    /// <summary>
    /// Starts the CLI and returns at once, for tests that act while it runs (signals). With
    /// <paramref name="ownProcessGroup"/> it leads a process group of its own (through setsid), as a
    /// job in a shell does, so a signal to the group reaches it as Ctrl-C would and nothing else.
    /// </summary>
    public static Running Start(
        IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null, bool ownProcessGroup = true, string? stdin = null)
    {
        var start = new ProcessStartInfo(ownProcessGroup ? "setsid" : "dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            StandardInputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
        };
        if (ownProcessGroup)
        {
            start.ArgumentList.Add("dotnet");
        }

        start.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        // Tests see what a user sees, whatever the machine's terminal settings.
        start.Environment.Remove("COLUMNS");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        return new Running(Process.Start(start)!, stdin);
    }

    /// <summary>A CLI process being run by a test.</summary>
    public sealed class Running : IDisposable
    {
        private readonly Process process;
        private readonly StringBuilder stdout = new();
        private readonly StringBuilder stderr = new();
        private readonly TaskCompletionSource stdoutClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource stderrClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> stderrWatches = [];
        private readonly Task stdinWritten;

        internal Running(Process process, string? stdin)
        {
            this.process = process;
            stdinWritten = FeedAsync(process.StandardInput, stdin);
            process.OutputDataReceived += (_, e) => Append(stdout, e.Data, stdoutClosed, []);
            process.ErrorDataReceived += (_, e) => Append(stderr, e.Data, stderrClosed, stderrWatches);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }

        public int Id => process.Id;

        public bool HasExited => process.HasExited;

        /// <summary>The first line on stderr that <paramref name="matches"/>, once it has been printed.</summary>
        public async Task<string> WaitForStderrLineAsync(Func<string, bool> matches, TimeSpan? limit = null)
        {
            var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            lock (stderr)
            {
                var earlier = stderr.ToString().Split('\n').FirstOrDefault(matches);
                if (earlier is not null)
                {
                    return earlier;
                }

                stderrWatches.Add((matches, seen));
            }

            var ended = process.WaitForExitAsync();
            using var timeout = new CancellationTokenSource(limit ?? DefaultLimit);
            var first = await Task.WhenAny(seen.Task, ended, Task.Delay(Timeout.Infinite, timeout.Token));
            if (first == seen.Task)
            {
                return await seen.Task;
            }

            if (first == ended)
            {
                // Lines printed just before the exit may still be in the pipe.
                await stderrClosed.Task.WaitAsync(TimeSpan.FromSeconds(30));
                if (seen.Task.IsCompleted)
                {
                    return await seen.Task;
                }
            }

            throw new InvalidOperationException(first == ended
                ? $"tradesim exited with {process.ExitCode} before printing the awaited line; stderr:\n{Stderr}"
                : $"tradesim printed no awaited line within {limit ?? DefaultLimit}; stderr so far:\n{Stderr}");
        }

        /// <summary>Sends a signal (INT, TERM...) to the CLI's process group, as a terminal's Ctrl-C does.</summary>
        public async Task SignalGroupAsync(string signal)
        {
            using var kill = Process.Start(new ProcessStartInfo("kill") { ArgumentList = { "-s", signal, "--", $"-{process.Id}" } })!;
            await kill.WaitForExitAsync();
            if (kill.ExitCode != 0)
            {
                throw new InvalidOperationException($"kill -s {signal} -{process.Id} failed with {kill.ExitCode}");
            }
        }

        /// <summary>Waits for the CLI to exit; past <paramref name="limit"/> it is killed with its whole tree and the test fails.</summary>
        public async Task<Result> WaitForExitAsync(TimeSpan? limit = null)
        {
            using var timeout = new CancellationTokenSource(limit ?? DefaultLimit);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Kill();
                throw new TimeoutException($"tradesim did not exit within {limit ?? DefaultLimit} and was killed; stderr:\n{Stderr}");
            }

            // Exited: the pipes close at once unless a child kept them open.
            await Task.WhenAll(stdoutClosed.Task, stderrClosed.Task, stdinWritten).WaitAsync(TimeSpan.FromSeconds(30));
            return new Result(process.ExitCode, Stdout, Stderr);
        }

        public string Stdout
        {
            get
            {
                lock (stdout)
                {
                    return stdout.ToString();
                }
            }
        }

        public string Stderr
        {
            get
            {
                lock (stderr)
                {
                    return stderr.ToString();
                }
            }
        }

        public void Dispose()
        {
            Kill();
            process.Dispose();
        }

        private void Kill()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                }
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
        }

        /// <summary>Writes the text, if any, to the CLI's stdin and closes it; a CLI that stops reading early is not an error here.</summary>
        private static async Task FeedAsync(StreamWriter stdin, string? text)
        {
            try
            {
                if (text is not null)
                {
                    await stdin.WriteAsync(text);
                }

                stdin.Close();
            }
            catch (IOException)
            {
                // The CLI closed its end (it read what it needed, or exited).
            }
        }

        private static void Append(StringBuilder buffer, string? line, TaskCompletionSource closed, List<(Func<string, bool> Matches, TaskCompletionSource<string> Seen)> watches)
        {
            if (line is null)
            {
                closed.TrySetResult();
                return;
            }

            lock (buffer)
            {
                buffer.Append(line).Append('\n');
                foreach (var watch in watches.Where(w => w.Matches(line)).ToList())
                {
                    watch.Seen.TrySetResult(line);
                    watches.Remove(watch);
                }
            }
        }
    }

    /// <summary>The CLI built beside this test assembly, in the same configuration (Debug or Release).</summary>
    public static string CliAssembly { get; } = FindCli();

    private static string FindCli()
    {
        // The test runs from tests/.../bin/CONFIGURATION/net10.0/.
        var configuration = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;
        var path = Path.Combine(RepositoryPaths.Root, "Client", "bin", configuration, "net10.0", "tradesim.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"The CLI is not built at {path}.", path);
    }
}
