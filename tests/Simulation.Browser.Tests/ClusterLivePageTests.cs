using System.Globalization;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Simulation.Browser.Tests;

/// <summary>
/// The live page of one silo of a cluster following a run that plays on another (docs/cluster.md
/// "Watch it on the dashboard and the live page"; DESIGN §5.3, §5.4): the runs directory lives in
/// Redis and the page reaches the run's grain wherever it is, so any silo's page shows any run. A
/// cluster of its own (Redis and two built silo processes) beside the collection's browser.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class ClusterLivePageTests(SiloWithBrowser site, ITestOutputHelper output)
{
    // 38 rounds at 300 ms a round: over ten seconds of play, long enough to watch from another silo.
    private static readonly string Pivot = Path.Combine("scenarios", "canada-asia-pivot.yaml");

    [Fact]
    public async Task A_silo_s_live_page_lists_and_follows_a_run_that_plays_on_the_other_silo()
    {
        await using var redis = await RedisServer.StartAsync();
        var silos = await Task.WhenAll(SiloProcess.StartAsync("--cluster", redis.ClusterAddress), SiloProcess.StartAsync("--cluster", redis.ClusterAddress));
        TradeSimProcess.Running? run = null;
        try
        {
            run = TradeSimProcess.Start(["run", Pivot, "--cluster", redis.ClusterAddress, "--pace", "300ms"], ownProcessGroup: false);
            var runId = DashboardGrainStateTests.RunIdPrinted(
                await run.WaitForStderrLineAsync(line => line.StartsWith("run run-", StringComparison.Ordinal)));

            // The silo that plays the run logs its start ("run ID (SCENARIO, seed N) started"); the page is the other's.
            var player = await PlayerAsync(silos, runId);
            var watcher = silos.Single(silo => silo != player);
            output.WriteLine($"{runId} plays on the silo of gateway {player.GatewayPort}; the page is served by the silo of gateway {watcher.GatewayPort}");

            var page = await site.NewPageAsync();
            await page.GotoAsync($"http://127.0.0.1:{watcher.DashboardPort}/live");

            // The list of runs names it while it plays, and the page turns to it, the most recent run.
            await Assertions.Expect(page.Locator($"#runs [data-run-id='{runId}']")).ToBeAttachedAsync();
            await Assertions.Expect(page.Locator("#run")).ToHaveAttributeAsync("data-run-id", runId);
            await Assertions.Expect(page.Locator(".negotiation[data-negotiation]").First).ToBeAttachedAsync();

            // Its round clock moves on, pushed from the other silo: a round number, then a later one.
            var first = await RoundPastAsync(page, 0);
            var later = await RoundPastAsync(page, first);
            later.Should().BeGreaterThan(first);
            player.Output.Should().NotContain($"run {runId} resumed", "the run stayed on its silo");
            watcher.Output.Should().NotContain($"run {runId} (", "the run never played on the page's silo");

            var result = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
            result.ExitCode.Should().Be(0, result.Stderr);
            await Assertions.Expect(page.Locator("#run")).ToHaveAttributeAsync("data-phase", "completed");
        }
        finally
        {
            run?.Dispose();
            output.WriteLine($"tradesim stderr:\n{run?.Stderr}");
            foreach (var silo in silos)
            {
                output.WriteLine($"silo of gateway {silo.GatewayPort}:\n{silo.Output}");
                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until one of <paramref name="silos"/> logs that it started the run.</summary>
    private static async Task<SiloProcess> PlayerAsync(IReadOnlyList<SiloProcess> silos, string runId)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        while (true)
        {
            if (silos.SingleOrDefault(silo => silo.Output.Contains($"run {runId} (", StringComparison.Ordinal)) is { } player)
            {
                return player;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), limit.Token);
        }
    }

    /// <summary>Waits until the page's round (#round) is a number past <paramref name="after"/>, and returns it.</summary>
    private static async Task<int> RoundPastAsync(IPage page, int after)
    {
        var handle = await page.WaitForFunctionAsync(
            "after => { const t = document.querySelector('#round')?.textContent.trim(); return /^[0-9]+$/.test(t ?? '') && Number(t) > after ? t : null; }",
            after);
        return int.Parse(await handle.JsonValueAsync<string>(), CultureInfo.InvariantCulture);
    }
}
