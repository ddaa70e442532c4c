using System.Net;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>One silo process shared by the live page's tests: starting a silo is the slow part.</summary>
public sealed class LiveSilo : IAsyncLifetime
{
    public SiloProcess Silo { get; private set; } = null!;

    public HttpClient Http { get; } = new() { Timeout = Timeout.InfiniteTimeSpan };

    public Uri Url(string path) => new($"http://127.0.0.1:{Silo.DashboardPort}{path}");

    public string Gateway => $"127.0.0.1:{Silo.GatewayPort}";

    public async Task InitializeAsync() => Silo = await SiloProcess.StartAsync();

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Silo.DisposeAsync();
    }
}

/// <summary>
/// The live page served by the silo (DESIGN §5.4, issue 10 item 3), without a browser: the page and
/// its files, the runs on the cluster as JSON and as server-sent events, a run's progress as a
/// snapshot followed by every update in order, and the URLs the CLI prints. A browser drives the
/// page itself in the browser tests.
/// </summary>
public sealed class LivePageTests(LiveSilo live) : IClassFixture<LiveSilo>
{
    private static readonly string Indonesia = Path.Combine("scenarios", "canada-indonesia.yaml");

    /// <summary>A guard against a hang, not a speed check: every stream read here ends well within it.</summary>
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task The_live_page_is_plain_html_with_the_elements_the_browser_tests_find_and_its_own_script_and_style()
    {
        using var page = await live.Http.GetAsync(live.Url("/live"));
        var html = await page.Content.ReadAsStringAsync();

        page.StatusCode.Should().Be(HttpStatusCode.OK, live.Silo.Output);
        page.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        foreach (var id in new[] { "runs", "run", "round", "max-rounds", "events", "tariff-changes" })
        {
            html.Should().Contain($"id=\"{id}\"");
        }

        html.Should().Contain("data-phase=").And.Contain("src=\"/live/live.js\"").And.Contain("href=\"/live/live.css\"");
        // Nothing from outside the machine: every script and style is the silo's own.
        html.Should().NotContainAny("src=\"http", "href=\"http", "src=\"//", "href=\"//");

        using var script = await live.Http.GetAsync(live.Url("/live/live.js"));
        using var style = await live.Http.GetAsync(live.Url("/live/live.css"));
        script.StatusCode.Should().Be(HttpStatusCode.OK);
        script.Content.Headers.ContentType!.MediaType.Should().Be("text/javascript");
        style.StatusCode.Should().Be(HttpStatusCode.OK);
        style.Content.Headers.ContentType!.MediaType.Should().Be("text/css");
        var code = await script.Content.ReadAsStringAsync();
        // The script builds the rest of the contract: negotiations, standing offers, utilities and curves.
        code.Should().Contain("\"negotiation\"").And.Contain("standing-offer").And.Contain("utilities").And.Contain("concession-curve").And.Contain("\"curve\"");
        (await style.Content.ReadAsStringAsync()).Should().NotContain("@import").And.NotContain("url(");
    }

    [Fact]
    public async Task A_run_on_the_silo_is_listed_most_recent_first_and_the_cli_prints_its_live_page_and_the_dashboard()
    {
        using var hang = new CancellationTokenSource(HangGuard);
        var result = await TradeSimProcess.RunAsync("run", Indonesia, "--gateway", live.Gateway, "--seed", "5", "--format", "json");
        result.ExitCode.Should().Be(0, result.Stderr);
        var runId = RunId(result.Stderr);

        var port = live.Silo.DashboardPort;
        var lines = result.Stderr.Split('\n', StringSplitOptions.TrimEntries);
        lines.Should().Contain($"live page: http://127.0.0.1:{port}/live?run={runId}");
        lines.Should().Contain($"dashboard: http://127.0.0.1:{port}/dashboard");

        // The run's end reaches the directory one-way: the list's event stream says when it has.
        await WaitForListingAsync(runId, phase: "completed", hang.Token);

        using var listed = await live.Http.GetAsync(live.Url("/live/runs"), hang.Token);
        listed.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var list = JsonNode.Parse(await listed.Content.ReadAsStringAsync(hang.Token))!.AsArray();
        var run = list.Single(r => Text(r!["runId"]) == runId)!;
        Text(run["scenario"]).Should().Be("Canada–Indonesia CEPA (stylised)", "the scenario file's name");
        Text(run["scenarioFile"]).Should().Be("canada-indonesia.yaml");
        Text(run["seed"]).Should().Be("5");
        Text(run["phase"]).Should().Be("completed");
        var outcome = JsonNode.Parse(result.Stdout)!;
        run["round"]!.GetValue<int>().Should().Be(outcome["rounds_played"]!.GetValue<int>());
        // Most recent first: the listing numbers fall down the list.
        var numbers = list.Select(r => r!["listed"]!.GetValue<long>()).ToList();
        numbers.Should().BeInDescendingOrder().And.OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Two_browsers_on_a_paced_run_each_get_its_snapshot_then_every_update_in_sequence_ending_with_the_final_phase()
    {
        using var hang = new CancellationTokenSource(HangGuard);
        var (cli, runId) = await StartPacedRunAsync(seed: 6, hang.Token);
        using var _ = cli;

        var streams = await Task.WhenAll(ReadRunStreamAsync(runId, hang.Token), ReadRunStreamAsync(runId, hang.Token));
        var result = await cli.WaitForExitAsync();
        result.ExitCode.Should().Be(0, result.Stderr);
        var outcome = JsonNode.Parse(result.Stdout)!;
        var history = outcome["negotiations"]![0]!["history"]!.AsArray();

        foreach (var events in streams)
        {
            events[0].Name.Should().Be("snapshot");
            events.Skip(1).Should().OnlyContain(e => e.Name == "update");
            var progress = events.Select(e => JsonNode.Parse(e.Data)!).ToList();
            var snapshot = progress[0];
            Text(snapshot["status"]!["phase"]).Should().Be("running", "the stream joined while the run played");
            events.Count.Should().BeGreaterThan(1);

            // Every update after the snapshot, each once, in order, the event id its sequence number.
            var sequences = progress.Select(p => p["sequence"]!.GetValue<long>()).ToList();
            sequences.Should().Equal(Enumerable.Range(0, sequences.Count).Select(i => sequences[0] + i));
            events.Select(e => long.Parse(e.Id!, System.Globalization.CultureInfo.InvariantCulture)).Should().Equal(sequences);
            progress.Take(progress.Count - 1).Should().OnlyContain(p => Text(p["status"]!["phase"]) == "running" && !p["isFinal"]!.GetValue<bool>());
            Text(progress[^1]["status"]!["phase"]).Should().Be("completed");
            progress[^1]["isFinal"]!.GetValue<bool>().Should().BeTrue();
            progress[^1]["status"]!["round"]!.GetValue<int>().Should().Be(outcome["rounds_played"]!.GetValue<int>());

            // The snapshot's turns and the news of each update are, together, the outcome's history.
            // (A snapshot taken before the first round lists no negotiations yet.)
            var turns = progress.SelectMany(p => p["negotiations"]!.AsArray().SelectMany(n => n!["turns"]!.AsArray())).ToList();
            turns.Select(t => (Number(t!["round"]), Text(t!["party"]), Text(t!["action"])))
                .Should().Equal(history.Select(t => (Number(t!["round"]), Text(t!["party"]), Text(t!["action"]))));
            var agreed = outcome["negotiations"]![0]!;
            Text(progress[^1]["negotiations"]![0]!["status"]).Should().Be(Text(agreed["status"]));
        }

        // After the end, the snapshot on its own holds the same turns.
        using var final = await live.Http.GetAsync(live.Url($"/live/runs/{runId}"), hang.Token);
        var whole = JsonNode.Parse(await final.Content.ReadAsStringAsync(hang.Token))!;
        whole["negotiations"]![0]!["turns"]!.AsArray().Count.Should().Be(history.Count);
        Text(whole["status"]!["phase"]).Should().Be("completed");
    }

    [Fact]
    public async Task A_browser_that_leaves_a_run_under_way_and_comes_back_starts_again_from_a_snapshot_and_follows_it_to_the_end()
    {
        using var hang = new CancellationTokenSource(HangGuard);
        var (cli, runId) = await StartPacedRunAsync(seed: 8, hang.Token);
        using var _ = cli;

        // The only browser leaves after the snapshot and one update: the silo drops its subscription.
        long left;
        {
            var seen = new List<ServerSentEvent>();
            // Disposing the response closes the connection, as a closed tab does.
            using var response = await live.Http.GetAsync(live.Url($"/live/runs/{runId}/events"), HttpCompletionOption.ResponseHeadersRead, hang.Token);
            await foreach (var e in ServerSentEventReader.ReadAsync(await response.Content.ReadAsStreamAsync(hang.Token), hang.Token))
            {
                seen.Add(e);
                if (seen.Count == 2)
                {
                    break;
                }
            }

            seen.Select(e => e.Name).Should().Equal("snapshot", "update");
            left = long.Parse(seen[1].Id!, System.Globalization.CultureInfo.InvariantCulture);
        }

        var events = await ReadRunStreamAsync(runId, hang.Token);
        var result = await cli.WaitForExitAsync();
        result.ExitCode.Should().Be(0, result.Stderr);

        events[0].Name.Should().Be("snapshot");
        var sequences = events.Select(e => JsonNode.Parse(e.Data)!["sequence"]!.GetValue<long>()).ToList();
        sequences[0].Should().BeGreaterThanOrEqualTo(left, "the new snapshot is taken after the browser left");
        sequences.Should().Equal(Enumerable.Range(0, sequences.Count).Select(i => sequences[0] + i));
        Text(JsonNode.Parse(events[^1].Data)!["status"]!["phase"]).Should().Be("completed");
        var history = JsonNode.Parse(result.Stdout)!["negotiations"]![0]!["history"]!.AsArray();
        events.Sum(e => JsonNode.Parse(e.Data)!["negotiations"]!.AsArray().Sum(n => n!["turns"]!.AsArray().Count)).Should().Be(history.Count);
    }

    [Theory]
    [InlineData("/live/runs/run-0000000000000000", "no run run-0000000000000000 on this cluster")]
    [InlineData("/live/runs/run-0000000000000000/events", "no run run-0000000000000000 on this cluster")]
    [InlineData("/live/runs/not-a-run", "'not-a-run' is not a run id")]
    [InlineData("/live/runs/RUN-0123456789ABCDEF/events", "'RUN-0123456789ABCDEF' is not a run id")]
    public async Task An_unknown_or_malformed_run_id_is_a_404_with_the_reason_in_json(string path, string error)
    {
        using var response = await live.Http.GetAsync(live.Url(path));

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        Text(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["error"]).Should().StartWith(error);
    }

    /// <summary>
    /// Starts the CLI on a paced run against the silo (twenty rounds 400 ms apart, so streams join
    /// while it plays) and returns once the run is listed: the CLI prints where to watch it, with its
    /// id, before it starts the run.
    /// </summary>
    private async Task<(TradeSimProcess.Running Cli, string RunId)> StartPacedRunAsync(int seed, CancellationToken cancellation)
    {
        var cli = TradeSimProcess.Start(["run", Indonesia, "--gateway", live.Gateway, "--seed", $"{seed}", "--pace", "400ms", "--format", "json", "--history"], ownProcessGroup: false);
        try
        {
            var pageLine = await cli.WaitForStderrLineAsync(l => l.StartsWith("live page: ", StringComparison.Ordinal));
            var runId = pageLine[(pageLine.IndexOf("?run=", StringComparison.Ordinal) + 5)..].Trim();
            await WaitForListingAsync(runId, phase: "running", cancellation);
            return (cli, runId);
        }
        catch
        {
            cli.Dispose();
            throw;
        }
    }

    /// <summary>Reads the runs' event stream until it lists the run in <paramref name="phase"/>.</summary>
    private async Task WaitForListingAsync(string runId, string phase, CancellationToken cancellation)
    {
        using var stream = await live.Http.GetAsync(live.Url("/live/runs/events"), HttpCompletionOption.ResponseHeadersRead, cancellation);
        stream.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var first = true;
        await foreach (var e in ServerSentEventReader.ReadAsync(await stream.Content.ReadAsStreamAsync(cancellation), cancellation))
        {
            (e.Name == "runs").Should().Be(first, "the list comes first, then one run at a time");
            first = false;
            var runs = e.Name == "runs" ? JsonNode.Parse(e.Data)!.AsArray() : new JsonArray(JsonNode.Parse(e.Data));
            if (runs.Any(r => Text(r!["runId"]) == runId && Text(r!["phase"]) == phase))
            {
                return;
            }
        }

        throw new InvalidOperationException($"The runs' event stream closed before listing {runId} as {phase}.");
    }

    private async Task<List<ServerSentEvent>> ReadRunStreamAsync(string runId, CancellationToken cancellation)
    {
        using var response = await live.Http.GetAsync(live.Url($"/live/runs/{runId}/events"), HttpCompletionOption.ResponseHeadersRead, cancellation);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        var events = new List<ServerSentEvent>();
        // The stream closes after the final update.
        await foreach (var e in ServerSentEventReader.ReadAsync(await response.Content.ReadAsStreamAsync(cancellation), cancellation))
        {
            events.Add(e);
        }

        return events;
    }

    private static string RunId(string stderr) =>
        stderr.Split('\n').First(l => l.StartsWith("run run-", StringComparison.Ordinal)).Split(' ')[1];

    private static string Text(JsonNode? node) => node!.GetValue<string>();

    private static int Number(JsonNode? node) => node!.GetValue<int>();
}
