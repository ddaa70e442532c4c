using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Simulation.Cluster.Tests;

/// <summary>
/// One long paced run through a cluster of three silo processes whose silo is killed outright
/// mid-run (DESIGN §5.3, §8; docs/cluster.md "What survives a dead silo"): the run goes on on a
/// survivor, which replays its journal, and the CLI following it ends as if nothing happened. The
/// reference is the same scenario and seed on the local engine, undisturbed: the outcome depends on
/// scenario and seed alone (DESIGN §5.2), so the two outcome files agree but for their timings.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed partial class PacedRunFaultTests(ThreeSilos cluster) : IDisposable
{
    /// <summary>30 rounds: at 200 ms a round, about 6 s of play, long enough to kill its silo mid-run.</summary>
    private const string Scenario = "scenarios/us-canada.yaml";

    /// <summary>A guard against a hang, not a speed check.</summary>
    private static readonly TimeSpan RunLimit = TimeSpan.FromSeconds(75);

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-paced-fault-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    /// <summary>The silo's line for a run it starts (RunLog): "run ID (SCENARIO, seed N) started".</summary>
    [GeneratedRegex(@"run (?<id>\S+) \(.*\) started")]
    private static partial Regex RunStartedLine();

    [Fact]
    public async Task A_paced_run_whose_silo_is_killed_mid_run_ends_with_the_undisturbed_local_outcome()
    {
        await cluster.ReadyAsync();
        // The silos are shared with other tests: only what they log from now on is this run's.
        var logged = cluster.Silos.ToDictionary(silo => silo, silo => silo.Output.Length);
        var (clusterOut, localOut) = (Path.Combine(scratch, "cluster.json"), Path.Combine(scratch, "local.json"));
        using var run = TradeSimProcess.Start(["run", Scenario, "--cluster", cluster.ClusterAddress, "--pace", "200ms", "--format", "json", "--out", clusterOut]);

        // The silo that plays the run names it in its log as it starts it.
        var (player, runId) = await PlayerAsync(run, logged);
        // A few rounds in (about ten at 200 ms a round), then the silo dies without a word.
        await Task.Delay(TimeSpan.FromSeconds(2));
        run.HasExited.Should().BeFalse($"the run is still going when its silo is killed; stderr:\n{run.Stderr}");
        await player.SignalAsync("KILL");

        var result = await run.WaitForExitAsync(RunLimit);
        result.ExitCode.Should().Be(0, result.Stderr);
        cluster.Silos.Where(silo => silo != player).Select(silo => silo.Output).Should()
            .Contain(log => log.Contains($"run {runId} resumed on this silo", StringComparison.Ordinal), "a survivor took the run over from its record");

        var local = await TradeSimProcess.RunAsync("run", Scenario, "--engine", "local", "--format", "json", "--out", localOut);
        local.ExitCode.Should().Be(0, local.Stderr);
        var (played, reference) = (WithoutTimings(clusterOut), WithoutTimings(localOut));
        played.Should().Be(reference, "the outcome depends on scenario and seed alone, whichever silo played which round");
        reference.Should().Contain("\"negotiations\"", "not vacuous: the outcome has its negotiations");
    }

    /// <summary>Waits until a silo logs that it started a run; that silo and the run's id.</summary>
    private static async Task<(SiloProcess Silo, string RunId)> PlayerAsync(TradeSimProcess.Running run, Dictionary<SiloProcess, int> logged)
    {
        using var limit = new CancellationTokenSource(RunLimit);
        while (true)
        {
            foreach (var (silo, before) in logged)
            {
                if (RunStartedLine().Match(silo.Output[before..]) is { Success: true } started)
                {
                    return (silo, started.Groups["id"].Value);
                }
            }

            run.HasExited.Should().BeFalse($"the run is still going before a silo starts it; stderr:\n{run.Stderr}");
            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }
    }

    /// <summary>The outcome file's JSON without its timings block, the one part that is not deterministic.</summary>
    private static string WithoutTimings(string path)
    {
        var outcome = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        outcome.Remove("timings").Should().BeTrue($"{path} has a timings block");
        return outcome.ToJsonString();
    }
}
