using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Simulation.Browser.Tests;

/// <summary>
/// The live page (/live beside the dashboard, DESIGN §5.4) in a browser while a paced run plays on
/// the silo (issue 10, item 5). The page is read through its DOM contract: #run[data-run-id][data-phase],
/// #round, .negotiation[data-negotiation][data-status] with .standing-offer and
/// svg.concession-curve polyline.curve[data-party], #events and #tariff-changes lists. What the page
/// must end on comes from the run's outcome JSON written by the CLI (--out), not from the page.
/// Every wait is one of Playwright's auto-waiting checks, up to the fixture's generous timeout.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed partial class LivePageTests(SiloWithBrowser site, ITestOutputHelper output) : IDisposable
{
    // 38 rounds (its five tables open and close at different rounds): at 300 ms a round the run
    // plays for over ten seconds, long enough to watch it move and short enough for CI.
    private static readonly string Pivot = Path.Combine("scenarios", "canada-asia-pivot.yaml");

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-live-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task The_live_page_follows_a_paced_run_round_by_round_and_ends_on_the_statuses_of_its_outcome()
    {
        // As a person does: the live page is open when the run starts, and turns to it on its own,
        // the most recent run on the cluster.
        var page = await site.NewPageAsync();
        var outcomeFile = Path.Combine(scratch, "outcome.json");
        TradeSimProcess.Running? run = null;
        try
        {
            await BrowserFailures.ReportAsync(page, site, output, async () =>
            {
                var live = new Uri(site.Site, "live").ToString();
                var served = await page.Context.APIRequest.GetAsync(live);
                served.Status.Should().Be(200, $"the silo serves the live page at {live} beside the dashboard (DESIGN §5.4)");
                await page.GotoAsync(live);
                await Assertions.Expect(page.Locator("#runs")).ToBeAttachedAsync();

                run = TradeSimProcess.Start(
                    ["run", Pivot, "--gateway", site.Gateway, "--pace", "300ms", "--out", outcomeFile], ownProcessGroup: false);
                var runId = DashboardGrainStateTests.RunIdPrinted(
                    await run.WaitForStderrLineAsync(line => line.StartsWith("run run-", StringComparison.Ordinal)));
                await Assertions.Expect(page.Locator("#run")).ToHaveAttributeAsync("data-run-id", runId);

                // The round clock moves on while the run plays: a round number, then a later one.
                var firstRound = await WaitForValueAsync(page, "() => { const t = document.querySelector('#round')?.textContent.trim(); return /^[0-9]+$/.test(t ?? '') ? t : null; }");
                var laterRound = await WaitForValueAsync(
                    page, "first => { const t = document.querySelector('#round')?.textContent.trim(); return /^[0-9]+$/.test(t ?? '') && Number(t) > Number(first) ? t : null; }", firstRound);
                int.Parse(laterRound, CultureInfo.InvariantCulture).Should().BeGreaterThan(int.Parse(firstRound, CultureInfo.InvariantCulture));

                // A standing offer, in tariffs, is replaced by another as the parties bid.
                var offers = await WaitForValueAsync(page, $"() => {{ const o = {StandingOffers}; return Object.values(o).some(t => t) ? JSON.stringify(o) : null; }}");
                var changed = await WaitForValueAsync(
                    page,
                    $"before => {{ const was = JSON.parse(before), now = {StandingOffers}; const id = Object.keys(now).find(k => was[k] && now[k] && now[k] !== was[k]); return id ? JSON.stringify([id, was[id], now[id]]) : null; }}",
                    offers);
                var (negotiation, before, after) = Triple(changed);
                output.WriteLine($"{negotiation}: standing offer {before} -> {after}");
                before.Should().MatchRegex(OfferText().ToString(), "a standing offer is its tariffs, importer:exporter:sector=percent, joined by '; '");
                after.Should().MatchRegex(OfferText().ToString());

                // A concession curve gets points: two "x,y" pairs at least, each pair two numbers.
                var points = await WaitForValueAsync(
                    page, "() => [...document.querySelectorAll('svg.concession-curve polyline.curve[data-party]')].map(p => (p.getAttribute('points') ?? '').trim()).find(p => p.split(/\\s+/).length >= 2) ?? null");
                foreach (var pair in points.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                {
                    pair.Should().MatchRegex(@"^-?[0-9.]+(e-?[0-9]+)?,-?[0-9.]+(e-?[0-9]+)?$", $"the curve's points are x,y pairs: {points}");
                }

                // The end: the run completed, and the page says what the outcome says.
                await Assertions.Expect(page.Locator("#run")).ToHaveAttributeAsync("data-phase", "completed");
                var result = await run.WaitForExitAsync(TimeSpan.FromMinutes(2));
                result.ExitCode.Should().Be(0, result.Stderr);
                var outcome = JsonNode.Parse(await File.ReadAllTextAsync(outcomeFile))!;
                var negotiations = outcome["negotiations"]!.AsArray().Select(n => n!).ToList();

                await Assertions.Expect(page.Locator("#round")).ToHaveTextAsync(outcome["rounds_played"]!.GetValue<int>().ToString(CultureInfo.InvariantCulture));
                await Assertions.Expect(page.Locator(".negotiation")).ToHaveCountAsync(negotiations.Count);
                foreach (var table in negotiations)
                {
                    var id = table["id"]!.GetValue<string>();
                    var shown = page.Locator($".negotiation[data-negotiation='{id}']");
                    await Assertions.Expect(shown).ToHaveAttributeAsync("data-status", table["status"]!.GetValue<string>());
                    foreach (var party in table["parties"]!.AsArray().Select(p => p!.GetValue<string>()))
                    {
                        await Assertions.Expect(shown.Locator($"svg.concession-curve polyline.curve[data-party='{party}']")).ToHaveCountAsync(1);
                    }
                }

                // The pivot's events (the US ends its talks, two tables open, the US reacts to the
                // Canada–China vehicle cut) and one tariff change per line of each agreement and per
                // line a set-tariff event sets (the pivot's names one exporter, so one line per sector).
                var events = outcome["events"]!.AsArray();
                await Assertions.Expect(page.Locator("#events li")).ToHaveCountAsync(events.Count);
                var agreedLines = negotiations.Where(n => n["status"]!.GetValue<string>() == "agreed").Sum(n => n["agreement"]!.AsArray().Count);
                var setLines = events.Where(e => e!["type"]!.GetValue<string>() == "set-tariff").Sum(e => e!["sectors"]!.AsArray().Count);
                await Assertions.Expect(page.Locator("#tariff-changes li")).ToHaveCountAsync(agreedLines + setLines);

                // The list of runs names this one, its scenario and its phase.
                var listed = page.Locator($"#runs [data-run-id='{runId}']");
                await Assertions.Expect(listed).ToContainTextAsync(outcome["scenario"]!["name"]!.GetValue<string>());
                await Assertions.Expect(listed).ToContainTextAsync("completed");

                var saved = await Screenshots.SaveAsync(page, "live-page.png");
                output.WriteLine($"screenshot: {string.Join(", ", saved)}");

                // The run stays on the page's address for it after it ended.
                var pinned = await site.NewPageAsync();
                await pinned.GotoAsync(new Uri(site.Site, $"live?run={Uri.EscapeDataString(runId)}").ToString());
                await Assertions.Expect(pinned.Locator("#run")).ToHaveAttributeAsync("data-run-id", runId);
                await Assertions.Expect(pinned.Locator("#run")).ToHaveAttributeAsync("data-phase", "completed");
                await Assertions.Expect(pinned.Locator(".negotiation")).ToHaveCountAsync(negotiations.Count);
            });
        }
        finally
        {
            // Killed if it is still running (a failed check), and what it printed kept for the reader.
            run?.Dispose();
            output.WriteLine($"tradesim stderr:\n{run?.Stderr}");
        }
    }

    /// <summary>Each negotiation's standing offer text, by its id, as a JavaScript expression.</summary>
    private const string StandingOffers =
        "Object.fromEntries([...document.querySelectorAll('.negotiation[data-negotiation]')].map(n => [n.dataset.negotiation, (n.querySelector('.standing-offer')?.textContent ?? '').trim()]))";

    /// <summary>Waits until <paramref name="expression"/> (a JavaScript function) returns a string, and returns it.</summary>
    private static async Task<string> WaitForValueAsync(IPage page, string expression, string? argument = null)
    {
        var handle = await page.WaitForFunctionAsync(expression, argument);
        return await handle.JsonValueAsync<string>();
    }

    private static (string, string, string) Triple(string json)
    {
        var items = JsonNode.Parse(json)!.AsArray().Select(i => i!.GetValue<string>()).ToList();
        return (items[0], items[1], items[2]);
    }

    [GeneratedRegex(@"^[A-Z]{3}:[A-Z]{3}:[a-z0-9_]+=[0-9.]+(; [A-Z]{3}:[A-Z]{3}:[a-z0-9_]+=[0-9.]+)*$")]
    private static partial Regex OfferText();
}
