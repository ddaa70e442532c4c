using Orleans.Runtime;
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
        var pages = cluster.Embedded ? [] : await PagesAsync(cancellation);
        return [.. GrainIds.Lines(order.RunId, scenario, order.Seed), .. GrainIds.Pages(order.RunId, pages)];
    }

    /// <summary>The silos' live pages, or none if the runs directory does not answer in time: they only tell where to look.</summary>
    private async Task<IReadOnlyList<LivePage>> PagesAsync(CancellationToken cancellation)
    {
        try
        {
            return await RunDirectory.Of(cluster.Client).GetPagesAsync().WaitAsync(RunWatch.Reach, cancellation);
        }
        catch (Exception error) when (SiloLostException.IsLoss(error) && !cancellation.IsCancellationRequested)
        {
            return [];
        }
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
        using var grainWatch = await RunWatch.StartAsync(cluster.Client, grain, order.RunId, request, cluster.Silo, cancellation);
        var status = await grainWatch.EndAsync(events is null ? watch : new EventRelay(events).Then(watch), cancellation);
        if (status.Phase != RunPhase.Completed)
        {
            throw new RunFailedException(order.RunId, status.Failure ?? RunPhases.Name(status.Phase));
        }

        var outcome = await grainWatch.OutcomeAsync(cancellation);
        return outcome ?? throw new RunFailedException(order.RunId, "it completed without an outcome");
    }

    /// <summary>
    /// Lets the run's grains leave the silo's memory (<see cref="IRunGrain.ReleaseAsync"/>). Bounded,
    /// and a silo that does not answer is no failure: the grains then go at idle collection.
    /// </summary>
    public async Task ReleaseAsync(string runId, CancellationToken cancellation)
    {
        try
        {
            await cluster.Client.GetGrain<IRunGrain>(runId).ReleaseAsync().WaitAsync(RunWatch.Reach, cancellation);
        }
        catch (Exception error) when (SiloLostException.IsLoss(error))
        {
            // Nothing is lost but memory, until the silo's idle collection.
        }
    }

    /// <summary>Runs a batch plays at once by default: two per active silo of the cluster (one for the embedded silo's single silo gives two).</summary>
    public async Task<int> DefaultParallelAsync(CancellationToken cancellation)
    {
        if (cluster.Embedded)
        {
            return RunsPerSilo;
        }

        var hosts = await cluster.Client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(RunWatch.Reach, cancellation);
        return RunsPerSilo * Math.Max(1, hosts.Count);
    }

    /// <summary>Runs a batch keeps in flight per silo: one playing while another waits on its grain calls.</summary>
    private const int RunsPerSilo = 2;

    /// <summary>Stops the client, hurried if the silo was lost: there is nobody to wait for.</summary>
    public ValueTask DisposeAsync() => cluster.DisposeAsync();
}
