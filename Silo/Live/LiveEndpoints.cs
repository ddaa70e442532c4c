using System.Reflection;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>
/// The live page and its data, beside the dashboard on the same host and port (DESIGN §5.4):
/// <list type="bullet">
/// <item>GET /live: the page (with /live/live.css and /live/live.js, served from this assembly);</item>
/// <item>GET /live/runs: the runs listed, most recent first, as JSON (<see cref="LiveRun"/>);</item>
/// <item>GET /live/runs/events: server-sent events, "runs" (the list) and then "run" (one run changed);</item>
/// <item>GET /live/runs/{id}: the run's progress so far as JSON (<see cref="RunProgressUpdate"/>, turns in full);</item>
/// <item>GET /live/runs/{id}/events: server-sent events, "snapshot" and then "update" (the news since the
/// previous one) in sequence order, each with its sequence number as the event id; the stream closes
/// after the update whose status is final.</item>
/// </list>
/// An id that is not a run id, or names no run, is a 404 with <c>{"error": "..."}</c>. A run is
/// known by the runs directory (the most recent <see cref="RunList.Capacity"/> runs): an id it does
/// not list is refused without a call to a run grain, which would activate one for every id tried.
/// JSON is camelCase (<see cref="LiveJson"/>).
/// </summary>
public static class LiveEndpoints
{
    private static readonly Assembly Files = typeof(LiveEndpoints).Assembly;

    public static void MapLive(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/live", () => Page("live.html", "text/html; charset=utf-8"));
        app.MapGet("/live/live.css", () => Page("live.css", "text/css; charset=utf-8"));
        app.MapGet("/live/live.js", () => Page("live.js", "text/javascript; charset=utf-8"));

        app.MapGet("/live/runs", (RunsHub hub) => Json(hub.Runs().Select(LiveRun.Of).ToList()));

        app.MapGet("/live/runs/events", async (HttpContext context, RunsHub hub, IHostApplicationLifetime lifetime) =>
        {
            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            var (runs, changes, listener) = hub.Listen();
            try
            {
                var events = ServerSentEvents.Begin(context);
                await events.SendAsync("runs", LiveJson.Serialize(runs.Select(LiveRun.Of).ToList()), null, ending.Token);
                await foreach (var run in changes.ReadAllAsync(ending.Token))
                {
                    await events.SendAsync("run", LiveJson.Serialize(LiveRun.Of(run)), null, ending.Token);
                }
            }
            catch (OperationCanceledException) when (ending.IsCancellationRequested)
            {
                // The browser left, or the silo is stopping.
            }
            finally
            {
                hub.Leave(listener);
            }
        });

        app.MapGet("/live/runs/{id}", async (string id, IGrainFactory grains, RunsHub hub, CancellationToken cancellation) =>
        {
            if (!RunIds.IsRunId(id))
            {
                return NotARun(id);
            }

            // The directory first: a run grain is touched only for a run it lists.
            if (await hub.FindListedAsync(id, cancellation) is null)
            {
                return NoSuchRun(id);
            }

            var progress = await grains.GetGrain<IRunGrain>(id).GetProgressAsync().WaitAsync(cancellation);
            if (progress.Status.Phase == RunPhase.NotStarted)
            {
                // As the feed does: a cancelled run's grain comes back not started; the directory remembers it.
                if (hub.Find(id) is not { Run.Status.Phase: not RunPhase.NotStarted } listed)
                {
                    return NoSuchRun(id);
                }

                progress = new RunProgressUpdate(0, listed.Run.Status, listed.Run.Scenario, [], [], []);
            }

            return Json(progress);
        });

        app.MapGet("/live/runs/{id}/events", async (string id, HttpContext context, RunFeeds feeds, RunsHub hub, IHostApplicationLifetime lifetime) =>
        {
            if (!RunIds.IsRunId(id))
            {
                await NotARun(id).ExecuteAsync(context);
                return;
            }

            using var ending = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
            RunWatch? watch;
            try
            {
                // The directory first: a feed subscribes to the run grain, which activates it.
                watch = await hub.FindListedAsync(id, ending.Token) is null ? null : await feeds.WatchAsync(id, ending.Token);
            }
            catch (OperationCanceledException) when (ending.IsCancellationRequested)
            {
                return;
            }

            if (watch is null)
            {
                await NoSuchRun(id).ExecuteAsync(context);
                return;
            }

            using (watch)
            {
                try
                {
                    var events = ServerSentEvents.Begin(context);
                    await events.SendAsync("snapshot", LiveJson.Serialize(watch.Snapshot), watch.Snapshot.Sequence, ending.Token);
                    await foreach (var update in watch.Updates.ReadAllAsync(ending.Token))
                    {
                        await events.SendAsync("update", LiveJson.Serialize(update), update.Sequence, ending.Token);
                    }
                }
                catch (OperationCanceledException) when (ending.IsCancellationRequested)
                {
                    // The browser left, or the silo is stopping.
                }
            }
        });
    }

    private static IResult Json<T>(T value) => Results.Text(LiveJson.Serialize(value), "application/json; charset=utf-8");

    private static IResult NotARun(string id) =>
        Error($"'{Shown(id)}' is not a run id: a run id is \"run-\" and 16 lowercase hexadecimal digits, as the CLI prints it");

    private static IResult NoSuchRun(string id) => Error($"no run {id} on this cluster");

    private static IResult Error(string message) =>
        Results.Text(LiveJson.Serialize(new { error = message }), "application/json; charset=utf-8", statusCode: StatusCodes.Status404NotFound);

    /// <summary>An id from a URL, shortened and with only printable ASCII, to be echoed safely.</summary>
    private static string Shown(string id)
    {
        var printable = new string([.. id.Take(40).Select(c => c is >= ' ' and <= '~' ? c : '?')]);
        return id.Length > 40 ? printable + "…" : printable;
    }

    private static IResult Page(string name, string contentType)
    {
        using var stream = Files.GetManifestResourceStream($"live/{name}") ?? throw new InvalidOperationException($"The live page's {name} is not built into the silo.");
        using var reader = new StreamReader(stream);
        return Results.Text(reader.ReadToEnd(), contentType);
    }
}
