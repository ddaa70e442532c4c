using Simulation.Client.Cluster;
using Simulation.Client.Output;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Hosting;

/// <summary>
/// The grains engine (<c>--engine grains</c>): each run is a run grain of the embedded silo or of
/// the cluster at <c>--gateway</c>, sent the scenario's text under its run id, and followed through
/// the progress the grain pushes (<see cref="RunWatch"/>), not polled.
/// </summary>
public sealed class GrainsRunHost(ClusterConnection cluster) : IRunHost
{
    public string Engine => RunTimings.Grains;

    public bool EmbeddedSilo => cluster.Embedded;

    public async Task<IReadOnlyList<string>> WhereToWatchAsync(RunOrder order, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(order);
        var scenario = order.Parsed ?? ScenarioLoader.Parse(order.ScenarioText, order.ScenarioFile);
        // A silo's web host registers where its live page and dashboard are; an embedded silo has none.
        var pages = cluster.Embedded ? [] : await RunDirectory.Of(cluster.Client).GetPagesAsync().WaitAsync(cancellation);
        return [.. GrainIds.Lines(order.RunId, scenario, order.Seed), .. GrainIds.Pages(order.RunId, pages)];
    }

    /// <remarks>
    /// A silo that stops answering is not the run's failure: it throws <see cref="SiloLostException"/>,
    /// and a batch stops with the run unfinished, for <c>--resume</c>. Every call here is bounded,
    /// through the run watch's liveness check or <see cref="RunWatch.Reach"/>, so a lost silo is
    /// noticed within seconds even by a run whose call was under way when it died.
    /// </remarks>
    public async Task<RunOutcome> PlayAsync(RunOrder order, Action<RunProgressUpdate, bool>? watch, Action<RunEvent>? events, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(order);
        try
        {
            return await PlayOnGrainsAsync(order, watch, events, cancellation);
        }
        catch (SiloLostException)
        {
            cluster.MarkLost();
            throw;
        }
    }

    private async Task<RunOutcome> PlayOnGrainsAsync(RunOrder order, Action<RunProgressUpdate, bool>? watch, Action<RunEvent>? events, CancellationToken cancellation)
    {
        var grain = cluster.Client.GetGrain<IRunGrain>(order.RunId);
        var request = new RunRequest(order.ScenarioText, order.ScenarioFile, order.Seed, order.Pace) { ReplayedRounds = order.ReplayedRounds };
        RunStatus status;
        using (var grainWatch = await RunWatch.StartAsync(cluster.Client, grain, order.RunId, request, cluster.Silo, cancellation))
        {
            status = await grainWatch.EndAsync(events is null ? watch : new EventRelay(events).Then(watch), cancellation);
        }

        if (status.Phase != RunPhase.Completed)
        {
            throw new RunFailedException(order.RunId, status.Failure ?? RunPhases.Name(status.Phase));
        }

        RunOutcome? outcome;
        try
        {
            outcome = await grain.GetOutcomeAsync().WaitAsync(RunWatch.Reach, cancellation);
        }
        catch (Exception error) when (SiloLostException.IsLoss(error) && !cancellation.IsCancellationRequested)
        {
            throw SiloLostException.Of(cluster.Silo, order.RunId, "a request for its outcome", error, RunWatch.Reach);
        }

        return outcome ?? throw new RunFailedException(order.RunId, "it completed without an outcome");
    }

    /// <summary>Stops the client, hurried if the silo was lost: there is nobody to wait for.</summary>
    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
