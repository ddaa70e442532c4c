using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// The runs on the cluster, one grain for the whole cluster (key <see cref="RunDirectory.Key"/>),
/// so a live page on any silo can list them. Run grains report when a run starts and ends, and
/// after every round only when the run is paced (a person is watching), so a batch of thousands of
/// unpaced runs costs it two one-way calls per run. It keeps the most recent
/// <see cref="RunList.Capacity"/> runs; on a cluster it keeps them in the cluster's storage, so a
/// live page on any silo lists them, but it is a view for people, not a record of the runs.
/// </summary>
[Alias("tradesim.IRunDirectoryGrain")]
public interface IRunDirectoryGrain : IGrainWithStringKey
{
    /// <summary>A run grain's report of its status. One-way: a run never waits on its listing.</summary>
    [OneWay]
    [Alias("ReportAsync")]
    Task ReportAsync(RunListing run);

    /// <summary>The runs listed, most recently listed first.</summary>
    [AlwaysInterleave]
    [Alias("ListAsync")]
    Task<IReadOnlyList<ListedRun>> ListAsync();

    /// <summary>One run if it is listed, else null.</summary>
    [AlwaysInterleave]
    [Alias("FindAsync")]
    Task<ListedRun?> FindAsync(string runId);

    /// <summary>
    /// Adds (or renews) a watcher of the list, with the live page its silo serves, if any. A
    /// subscription lapses unless renewed within <see cref="RunDirectory.SubscriptionLifetime"/>,
    /// so a silo that went away without a word drops out of the pages the CLI prints.
    /// </summary>
    [Alias("SubscribeAsync")]
    Task SubscribeAsync(IRunDirectoryObserver observer, LivePage? page);

    [Alias("UnsubscribeAsync")]
    Task UnsubscribeAsync(IRunDirectoryObserver observer);

    /// <summary>The live pages registered by the silos subscribed now, ordered by URL.</summary>
    [AlwaysInterleave]
    [Alias("GetPagesAsync")]
    Task<IReadOnlyList<LivePage>> GetPagesAsync();
}
