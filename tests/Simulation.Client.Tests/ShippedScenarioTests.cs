using System.Text.Json;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// Every scenario shipped under scenarios/ (found by listing the folder and its subfolders, so a new
/// one is covered at once) validates and runs to completion through the command a user types.
/// </summary>
public sealed class ShippedScenarioTests
{
    private static readonly string[] FinalStatuses = ["agreed", "deadline", "terminated", "walked_away", "rejected", "not_started"];

    public static TheoryData<string> Shipped()
    {
        var data = new TheoryData<string>();
        foreach (var file in ShippedFiles())
        {
            data.Add(file);
        }

        return data;
    }

    private static IEnumerable<string> ShippedFiles() =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "scenarios"), "*.yaml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryPaths.Root, f))
            .Order(StringComparer.Ordinal);

    [Fact]
    public async Task Every_shipped_scenario_validates()
    {
        var files = ShippedFiles().ToList();
        // Five at the time of writing: an empty listing must not pass vacuously.
        files.Should().HaveCountGreaterThanOrEqualTo(5);

        var result = await TradeSimProcess.RunAsync(["validate", .. files]);

        result.ExitCode.Should().Be(0, result.Stdout + result.Stderr);
        foreach (var file in files)
        {
            result.Stdout.Should().Contain($"ok {file}:");
        }
    }

    [Theory]
    [MemberData(nameof(Shipped))]
    public async Task A_shipped_scenario_runs_to_completion(string file)
    {
        var result = await TradeSimProcess.RunAsync("run", file, "--engine", "local", "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        using var outcome = JsonDocument.Parse(result.Stdout);
        // A calibration world has no table and plays no round; every other scenario ends every negotiation.
        var negotiations = outcome.RootElement.GetProperty("negotiations").EnumerateArray().ToList();
        negotiations.Select(n => n.GetProperty("status").GetString()).Should().NotContain(s => !FinalStatuses.Contains(s));
        var roundsPlayed = outcome.RootElement.GetProperty("rounds_played").GetInt32();
        if (negotiations.Count == 0)
        {
            roundsPlayed.Should().Be(0);
        }
        else
        {
            roundsPlayed.Should().BePositive();
        }
    }
}
