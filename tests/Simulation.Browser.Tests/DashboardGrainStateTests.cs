using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Simulation.Browser.Tests;

/// <summary>
/// The Orleans dashboard, in a browser, after a run went to the silo: its Grain Details page shows
/// the run grain's GetState in words and tariffs (issue 10, item 4). The expected values come from
/// the scenario file (its name, its tariff lines) and from the run's CLI, not from the grain.
/// </summary>
[Collection(nameof(BrowserCollection))]
public sealed class DashboardGrainStateTests(SiloWithBrowser site, ITestOutputHelper output)
{
    private const string RunGrainType = "Simulation.Grains.Runs.RunGrain";

    [Fact]
    public async Task The_dashboards_grain_details_page_shows_a_finished_runs_state_in_words_and_tariffs()
    {
        var run = await TradeSimProcess.RunAsync(
            ["run", Path.Combine("scenarios", "canada-indonesia.yaml"), "--gateway", site.Gateway], environment: null);
        run.ExitCode.Should().Be(0, run.Stderr);
        var runId = RunIdPrinted(run.Stderr);

        var page = await site.NewPageAsync();
        await BrowserFailures.ReportAsync(page, site, output, async () =>
        {
            await page.GotoAsync(new Uri(site.Site, "dashboard/#/grainDetails").ToString());
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Grain Details" })).ToBeVisibleAsync();

            // The page's form: a grain type, a key, "Show Details"; the state comes back as JSON in a <pre>.
            await page.Locator("select.form-control").SelectOptionAsync(RunGrainType);
            await page.GetByPlaceholder("Grain Id").FillAsync(runId);
            await page.Locator("input[value='Show Details']").ClickAsync();
            var state = page.Locator("pre");
            await Assertions.Expect(state).ToContainTextAsync(runId);

            // canada-indonesia.yaml: its name (the dashboard writes the en dash as \u2013), a run
            // that completes, its one table CAN-IDN, and lines of both schedules, Indonesia's on
            // Canadian agrifood and Canada's on Indonesian footwear, named importer:exporter:sector.
            await Assertions.Expect(state).ToContainTextAsync("Indonesia CEPA (stylised)");
            await Assertions.Expect(state).ToContainTextAsync("\"Phase\": \"completed\"");
            await Assertions.Expect(state).ToContainTextAsync("\"CAN-IDN\": \"agreed\"");
            await Assertions.Expect(state).ToContainTextAsync("\"IDN:CAN:beef=");
            await Assertions.Expect(state).ToContainTextAsync("\"CAN:IDN:footwear=");

            var saved = await Screenshots.SaveAsync(page, "dashboard-grain-state.png");
            output.WriteLine($"screenshot: {string.Join(", ", saved)}");
        });
    }

    /// <summary>The run id from the CLI's line "run ID (SCENARIO, seed N)" on stderr.</summary>
    internal static string RunIdPrinted(string stderr)
    {
        var line = stderr.Split('\n').FirstOrDefault(l => l.StartsWith("run run-", StringComparison.Ordinal));
        line.Should().NotBeNull($"the CLI names the run on stderr; it printed:\n{stderr}");
        return line!.Split(' ')[1];
    }
}
