using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Runs;

/// <summary>A silo's live page hub, told of every change to the runs directory's list.</summary>
[Alias("tradesim.IRunDirectoryObserver")]
public interface IRunDirectoryObserver : IGrainObserver
{
    /// <summary>One-way, as the directory's own reports: a run was listed or its status changed.</summary>
    [OneWay]
    [Alias("OnRunListed")]
    Task OnRunListed(ListedRun run);
}
