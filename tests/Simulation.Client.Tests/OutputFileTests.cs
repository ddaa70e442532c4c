using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// `run --out FILE`: the path is checked before anything runs (exit 2), a regular file is
/// replaced whole or not at all, nothing temporary is left behind, and a device or a pipe is
/// written through, never replaced by a file.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-out-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_directory_is_refused_before_running()
    {
        var directory = Directory.CreateDirectory(Path.Combine(scratch, "results")).FullName;

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", directory);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--out '{directory}'").And.Contain("directory");
        result.Stdout.Should().BeEmpty("nothing is run");
        CommandLineAssertions.HoldsOnly(scratch, "results");
        Directory.GetFileSystemEntries(directory).Should().BeEmpty();
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_path_is_refused_before_running(string path)
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", path);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--out '{path}'");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_missing_directory_is_refused_before_running_and_not_created()
    {
        var missing = Path.Combine(scratch, "no", "such");
        var file = Path.Combine(missing, "outcome.json");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", file);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"the directory '{Path.Combine(scratch, "no")}' does not exist");
        result.Stdout.Should().BeEmpty();
        Directory.Exists(Path.Combine(scratch, "no")).Should().BeFalse("the command never creates directories");
    }

    [Fact]
    public async Task A_place_where_no_file_can_be_created_is_refused_before_running()
    {
        // procfs lists processes; no file can be created in it, not even by root.
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", "/proc/self/outcome.json");

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("--out '/proc/self/outcome.json'");
        result.Stdout.Should().BeEmpty();
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task An_existing_file_is_replaced_whole_and_nothing_else_is_left()
    {
        var file = Path.Combine(scratch, "outcome.json");
        File.WriteAllText(file, new string('x', 1_000_000));

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--out", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        File.ReadAllText(file).Should().Be(result.Stdout, "the file holds the outcome and nothing of the old content");
        CommandLineAssertions.HoldsOnly(scratch, "outcome.json");
    }

    [Fact]
    public async Task The_scenario_file_itself_is_refused_before_running()
    {
        var scenario = Path.Combine(scratch, "scenario.yaml");
        File.Copy(Path.Combine(Simulation.Tests.Shared.RepositoryPaths.Root, Shipped), scenario);
        var before = File.ReadAllText(scenario);

        var result = await TradeSimProcess.RunAsync("run", scenario, "--out", Path.Combine(scratch, ".", "scenario.yaml"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("scenario file");
        File.ReadAllText(scenario).Should().Be(before);
        CommandLineAssertions.HoldsOnly(scratch, "scenario.yaml");
    }

    [Fact]
    public async Task The_scenario_file_reached_through_a_linked_directory_is_refused_before_running()
    {
        // 'here' links to the scratch directory, so here/scenario.yaml is the scenario file itself.
        var scenario = Path.Combine(scratch, "scenario.yaml");
        File.Copy(Path.Combine(Simulation.Tests.Shared.RepositoryPaths.Root, Shipped), scenario);
        var before = File.ReadAllText(scenario);
        Directory.CreateSymbolicLink(Path.Combine(scratch, "here"), scratch);

        var throughLink = await TradeSimProcess.RunAsync("run", Path.Combine(scratch, "here", "scenario.yaml"), "--out", scenario);
        var outThroughLink = await TradeSimProcess.RunAsync("run", scenario, "--trace", Path.Combine(scratch, "here", "scenario.yaml"));

        throughLink.ExitCode.Should().Be(2, throughLink.Stderr);
        throughLink.Stderr.Should().Contain("scenario file");
        outThroughLink.ExitCode.Should().Be(2, outThroughLink.Stderr);
        outThroughLink.Stderr.Should().Contain("scenario file");
        File.ReadAllText(scenario).Should().Be(before);
        CommandLineAssertions.HoldsOnly(scratch, "scenario.yaml", "here");
    }

    [Fact]
    public async Task Two_outputs_naming_one_file_through_a_linked_directory_are_refused_before_running()
    {
        var outcome = Path.Combine(scratch, "outcome.json");
        File.WriteAllText(outcome, "old outcome");
        Directory.CreateSymbolicLink(Path.Combine(scratch, "here"), scratch);

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "local", "--out", outcome, "--trace", Path.Combine(scratch, "here", "outcome.json"));

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("is the file --out writes");
        File.ReadAllText(outcome).Should().Be("old outcome");
        CommandLineAssertions.HoldsOnly(scratch, "outcome.json", "here");
    }

    [Fact]
    public async Task A_loop_of_links_is_refused_before_running()
    {
        var loop = Path.Combine(scratch, "loop.json");
        File.CreateSymbolicLink(loop, Path.Combine(scratch, "back.json"));
        File.CreateSymbolicLink(Path.Combine(scratch, "back.json"), loop);

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "local", "--out", loop);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--out '{loop}': is a link that leads round in a loop of links");
        result.Stdout.Should().BeEmpty("nothing is run");
        CommandLineAssertions.HoldsOnly(scratch, "loop.json", "back.json");
    }

    [Fact]
    public async Task A_link_to_a_file_stays_a_link_and_its_target_gets_the_outcome()
    {
        var target = Path.Combine(scratch, "kept.json");
        File.WriteAllText(target, "old");
        var link = Path.Combine(scratch, "latest.json");
        File.CreateSymbolicLink(link, target);

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--out", link);

        result.ExitCode.Should().Be(0, result.Stderr);
        (await FileKindAsync(link)).Should().Be("symbolic link");
        File.ReadAllText(target).Should().Be(result.Stdout);
        CommandLineAssertions.HoldsOnly(scratch, "kept.json", "latest.json");
    }

    [Fact]
    public async Task A_named_pipe_is_written_through_and_stays_a_pipe()
    {
        var pipe = Path.Combine(scratch, "outcome.pipe");
        await RunToolAsync("mkfifo", pipe);
        using var reader = Process.Start(new ProcessStartInfo("cat", [pipe]) { RedirectStandardOutput = true })!;
        var read = reader.StandardOutput.ReadToEndAsync();
        try
        {
            var result = await TradeSimProcess.RunAsync("run", Shipped, "--format", "json", "--out", pipe);

            result.ExitCode.Should().Be(0, result.Stderr);
            (await FileKindAsync(pipe)).Should().Be("fifo", "the pipe is not replaced by a file");
            var received = await read.WaitAsync(TimeSpan.FromSeconds(30));
            JsonNode.Parse(received)!["scenario"]!["name"]!.GetValue<string>().Should().Be("Canada–Indonesia CEPA (stylised)");
            CommandLineAssertions.HoldsOnly(scratch, "outcome.pipe");
        }
        finally
        {
            if (!reader.HasExited)
            {
                reader.Kill(entireProcessTree: true);
            }
        }
    }

    [Fact]
    public async Task A_device_is_written_through_and_stays_a_device()
    {
        // A device node of our own with the numbers of /dev/null (1, 3), so that a failure cannot
        // damage the machine's. Creating one needs root, which the suite's machines have.
        var device = Path.Combine(scratch, "null");
        await RunToolAsync("mknod", device, "c", "1", "3");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", device);

        result.ExitCode.Should().Be(0, result.Stderr);
        (await FileKindAsync(device)).Should().Be("character special file");
        CommandLineAssertions.HoldsOnly(scratch, "null");
    }

    [Fact]
    public async Task A_device_that_refuses_the_write_is_a_failure_with_exit_1_and_stays_a_device()
    {
        // The numbers of /dev/full (1, 7): every write fails with "no space left on device".
        var device = Path.Combine(scratch, "full");
        await RunToolAsync("mknod", device, "c", "1", "7");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", device);

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain(device);
        CommandLineAssertions.NoStackTrace(result);
        (await FileKindAsync(device)).Should().Be("character special file");
        CommandLineAssertions.HoldsOnly(scratch, "full");
    }

    [Fact]
    public async Task A_line_break_in_a_path_is_spelled_out_and_the_error_stays_on_one_line()
    {
        var file = Path.Combine(scratch, "no\nerror: forged", "outcome.json");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", file);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(@"no\u000aerror: forged");
        result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().ContainSingle(line => line.Contains("forged"));
    }

    [Fact]
    public async Task A_trace_that_cannot_be_written_leaves_the_outcome_and_the_frontier_as_they_were()
    {
        // /dev/full passes the check (a device opens for writing) and refuses every write: the three
        // files are one result, so the old outcome and frontier must stay, not a new outcome beside an old trace.
        var outcome = Path.Combine(scratch, "outcome.json");
        var frontier = Path.Combine(scratch, "frontier.csv");
        File.WriteAllText(outcome, "old outcome");
        File.WriteAllText(frontier, "old frontier");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "local", "--out", outcome, "--frontier", frontier, "--trace", "/dev/full");

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cannot write --trace '/dev/full'");
        CommandLineAssertions.NoStackTrace(result);
        File.ReadAllText(outcome).Should().Be("old outcome");
        File.ReadAllText(frontier).Should().Be("old frontier");
        CommandLineAssertions.HoldsOnly(scratch, "outcome.json", "frontier.csv");
    }

    [Fact]
    public async Task An_outcome_that_cannot_be_written_leaves_the_trace_as_it_was()
    {
        var trace = Path.Combine(scratch, "trace.csv");
        File.WriteAllText(trace, "old trace");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--engine", "local", "--out", "/dev/full", "--trace", trace);

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain("cannot write --out '/dev/full'");
        File.ReadAllText(trace).Should().Be("old trace");
        CommandLineAssertions.HoldsOnly(scratch, "trace.csv");
    }

    [Fact]
    public async Task Standard_error_named_as_a_file_is_written_through()
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", "/dev/stderr");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain("\"name\": \"Canada–Indonesia CEPA (stylised)\"");
        (await FileKindAsync("/dev/stderr")).Should().Be("symbolic link");
    }

    [Theory]
    [InlineData("/proc/version")]
    [InlineData("/sys/kernel/profiling")]
    public async Task A_file_of_the_kernel_is_refused_before_running(string path)
    {
        var before = File.ReadAllText(path);

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", path);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--out '{path}'");
        result.Stdout.Should().BeEmpty();
        File.ReadAllText(path).Should().Be(before);
    }

    [Fact]
    public async Task Help_says_that_the_directory_must_exist()
    {
        var result = await TradeSimProcess.RunAsync("run", "--help");

        result.Stdout.Should().Contain("directory must exist");
    }

    /// <summary>What the file system says the path is (stat's %F, not following a link).</summary>
    private static async Task<string> FileKindAsync(string path) => (await RunToolAsync("stat", "-c", "%F", path)).Trim();

    private static async Task<string> RunToolAsync(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"{tool} {string.Join(' ', args)} failed: {await error}");
        return await output;
    }
}
