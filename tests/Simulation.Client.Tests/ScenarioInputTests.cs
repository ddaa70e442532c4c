using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// `run` reads its scenario once, so a scenario that can be read only once (a pipe, standard
/// input, `run &lt;(generate)`) runs, and the text checked is the text run.
/// </summary>
public sealed class ScenarioInputTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-input-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_scenario_on_standard_input_runs()
    {
        var text = File.ReadAllText(Path.Combine(Simulation.Tests.Shared.RepositoryPaths.Root, "scenarios", "canada-indonesia.yaml"));

        var result = await TradeSimProcess.RunAsync(["run", "/dev/stdin", "--format", "json"], environment: null, stdin: text);

        result.ExitCode.Should().Be(0, result.Stderr);
        JsonNode.Parse(result.Stdout)!["scenario"]!["name"]!.GetValue<string>().Should().Be("Canada–Indonesia CEPA (stylised)");
    }

    [Fact]
    public async Task A_scenario_from_a_named_pipe_runs()
    {
        var pipe = Path.Combine(scratch, "scenario.yaml");
        using (var mkfifo = Process.Start("mkfifo", [pipe]))
        {
            await mkfifo.WaitForExitAsync();
            mkfifo.ExitCode.Should().Be(0);
        }

        // The writer waits for a reader; a CLI that opened the pipe twice would wait forever for a second writer.
        var text = File.ReadAllText(Path.Combine(Simulation.Tests.Shared.RepositoryPaths.Root, "scenarios", "canada-indonesia.yaml"));
        var writer = Task.Run(() => File.WriteAllText(pipe, text));
        try
        {
            var result = await TradeSimProcess.RunAsync(["run", pipe, "--format", "json"], environment: null, limit: TimeSpan.FromMinutes(1));

            result.ExitCode.Should().Be(0, result.Stderr);
            JsonNode.Parse(result.Stdout)!["scenario"]!["file"]!.GetValue<string>().Should().Be("scenario.yaml");
        }
        finally
        {
            if (!writer.IsCompleted)
            {
                // Nobody read the pipe: read it here so the writer's thread ends with the test.
                using var drain = new FileStream(pipe, FileMode.Open, FileAccess.Read);
                drain.CopyTo(Stream.Null);
            }

            await writer;
        }
    }

    [Fact]
    public async Task A_piped_scenario_larger_than_the_limit_is_refused_as_validate_refuses_it()
    {
        // 4 MiB is ScenarioLimits.MaxFileBytes; a comment makes the text one byte longer.
        var text = "name: big\n#" + new string('x', 4 * 1024 * 1024);

        var result = await TradeSimProcess.RunAsync(["run", "/dev/stdin"], environment: null, stdin: text);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("larger than 4194304 bytes");
    }
}
