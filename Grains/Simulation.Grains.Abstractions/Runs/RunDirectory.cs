namespace Simulation.Grains.Abstractions.Runs;

/// <summary>Where the cluster's one runs directory is, and how often its watchers renew.</summary>
public static class RunDirectory
{
    /// <summary>The key of the one <see cref="IRunDirectoryGrain"/> of a cluster.</summary>
    public const string Key = "runs";

    /// <summary>How long a subscription lasts without renewal.</summary>
    public static readonly TimeSpan SubscriptionLifetime = TimeSpan.FromMinutes(3);

    /// <summary>
    /// How often a watcher renews: well within <see cref="SubscriptionLifetime"/>, and well within
    /// the time after which an idle grain is deactivated (15 minutes by default), so the directory
    /// stays active, and keeps its list, as long as a silo serves a live page.
    /// </summary>
    public static readonly TimeSpan RenewalPeriod = TimeSpan.FromMinutes(1);

    public static IRunDirectoryGrain Of(IGrainFactory grains)
    {
        ArgumentNullException.ThrowIfNull(grains);
        return grains.GetGrain<IRunDirectoryGrain>(Key);
    }
}
