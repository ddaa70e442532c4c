using System.Text.RegularExpressions;

namespace Simulation.Client.Tests;

/// <summary>
/// The README's three worked examples print what the README shows: each of its commands, run as
/// written from the repository root, prints every line the README quotes from it (the README leaves
/// lines out, marked "..." or ending in "…", never changes one). Numbers that depend on the machine
/// (the batch's runs/s, its runs at once) are masked on both sides.
/// </summary>
public sealed partial class ReadmeExampleTests : IDisposable
{
    private static readonly string Readme = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md"));

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-readme-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>The fenced blocks of the README's section under <paramref name="heading"/>, up to the next heading.</summary>
    private static List<string> Blocks(string heading)
    {
        var start = Readme.IndexOf($"\n{heading}\n", StringComparison.Ordinal);
        start.Should().BeGreaterThan(0, $"the README has a section {heading}");
        var end = Readme.IndexOf("\n#", start + heading.Length + 2, StringComparison.Ordinal);
        var section = Readme[start..(end < 0 ? Readme.Length : end)];
        return [.. Fence().Matches(section).Select(m => m.Groups[1].Value)];
    }

    /// <summary>The lines of a quoted output block that are output, not the README's marks of lines left out.</summary>
    private static IEnumerable<string> Quoted(string block) =>
        block.Split('\n').Select(l => l.TrimEnd()).Where(l => l.Length > 0 && l != "..." && !l.EndsWith('…'));

    [Fact]
    public async Task The_run_example_prints_the_rows_the_README_quotes()
    {
        var blocks = Blocks("### A run");
        var command = blocks[0].Trim();
        command.Should().Be("dotnet run --project Client -- run scenarios/canada-indonesia.yaml");

        var result = await TradeSimProcess.RunAsync(Documentation.CommandArguments(command));

        result.ExitCode.Should().Be(0, result.Stderr);
        var printed = result.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        foreach (var line in Quoted(blocks[1]))
        {
            printed.Should().Contain(line);
        }
    }

    [Fact]
    public async Task The_batch_example_prints_the_rows_and_lines_the_README_quotes()
    {
        var blocks = Blocks("### A batch");
        var command = blocks[0].Trim();
        command.Should().EndWith("--out results");

        // The same batch, written into a scratch folder rather than the repository's results/.
        var args = Documentation.CommandArguments(command);
        args[^1] = Path.Combine(scratch, "results");
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(0, result.Stderr);
        var printed = (result.Stdout + result.Stderr).Replace(scratch + "/", "", StringComparison.Ordinal)
            .Split('\n').Select(l => Masked(l.TrimEnd())).ToList();
        foreach (var line in Quoted(blocks[1]))
        {
            printed.Should().Contain(Masked(line));
        }
    }

    [Fact]
    public async Task The_live_page_example_s_run_names_its_run_and_follows_its_rounds_as_the_README_shows()
    {
        var blocks = Blocks("### The live page");
        blocks[2].Trim().Should().Be("dotnet run --project Client -- run scenarios/canada-asia-pivot.yaml --gateway 127.0.0.1:30000 --pace 300ms");

        // The run id comes from the scenario's text and the seed, whichever silo plays it, so the run
        // played here (on an embedded silo, paced quicker) names the same run and grains and passes the
        // same rounds. An embedded silo serves no live page, so the lines naming it are LivePageTests'.
        var result = await TradeSimProcess.RunAsync("run", "scenarios/canada-asia-pivot.yaml", "--pace", "10ms");

        result.ExitCode.Should().Be(0, result.Stderr);
        var printed = result.Stderr.Split('\n').Select(l => l.TrimEnd()).ToList();
        foreach (var line in Quoted(blocks[3]).Where(l => !l.StartsWith("live page:", StringComparison.Ordinal) && !l.StartsWith("dashboard:", StringComparison.Ordinal)))
        {
            printed.Should().Contain(line);
        }
    }

    /// <summary>The batch's figures that depend on the machine: how many runs at once, how long, how fast.</summary>
    private static string Masked(string line) => Timing().Replace(Parallel().Replace(line, "N at once"), "in T s (R runs/s)");

    [GeneratedRegex("```[a-z]*\\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fence();

    [GeneratedRegex(@"\d+ at once")]
    private static partial Regex Parallel();

    [GeneratedRegex(@"in [\d.]+ s \([\d.]+ runs/s\)")]
    private static partial Regex Timing();
}
