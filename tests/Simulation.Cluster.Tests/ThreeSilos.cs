namespace Simulation.Cluster.Tests;

/// <summary>
/// A cluster as a person starts one on a single machine (docs/cluster.md): a Redis server, then
/// three built Silo processes on ports of their own that find each other through it. Shared by the
/// tests of a collection, since starting silos is the slow part; a test that kills or stops a silo
/// calls <see cref="ReadyAsync"/> first, which replaces any silo that is gone, so the next test
/// finds three again.
/// </summary>
public sealed class ThreeSilos : IAsyncLifetime
{
    private readonly List<SiloProcess> silos = [];
    private bool membershipLost;

    public RedisServer Redis { get; private set; } = null!;

    /// <summary>The silos now in the cluster, in the order they were started.</summary>
    public IReadOnlyList<SiloProcess> Silos => silos;

    public string ClusterAddress => Redis.ClusterAddress;

    public async Task InitializeAsync()
    {
        Redis = await RedisServer.StartAsync();
        var started = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StartSiloAsync()));
        silos.AddRange(started);
    }

    /// <summary>Starts a silo that joins this cluster, and waits until it says it is up.</summary>
    public Task<SiloProcess> StartSiloAsync() => SiloProcess.StartAsync("--cluster", ClusterAddress);

    /// <summary>
    /// Replaces every silo that exited (killed by a test) with a new one, so the cluster has three
    /// again; restarts them all if Redis lost the membership (<see cref="SilosNeedRestart"/>).
    /// </summary>
    public async Task ReadyAsync()
    {
        if (membershipLost)
        {
            await RestartSilosAsync();
        }

        for (var i = 0; i < silos.Count; i++)
        {
            if (silos[i].HasExited)
            {
                await silos[i].DisposeAsync();
                silos[i] = await StartSiloAsync();
            }
        }
    }

    /// <summary>
    /// Stops every silo and starts three new ones: what a person does after Redis lost its data
    /// (a Redis without persistence that restarted), since the silos' entries in the membership went
    /// with it and clients find no gateway there (docs/cluster.md).
    /// </summary>
    public async Task RestartSilosAsync()
    {
        membershipLost = false;
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        silos.Clear();
        silos.AddRange(await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => StartSiloAsync())));
    }

    /// <summary>Notes that Redis restarted empty, so the next test starts with new silos whatever this one does.</summary>
    public void SilosNeedRestart() => membershipLost = true;

    /// <summary>Puts <paramref name="silo"/> in place of the silo at <paramref name="index"/> (which the test stopped).</summary>
    public async Task ReplaceAsync(int index, SiloProcess silo)
    {
        await silos[index].DisposeAsync();
        silos[index] = silo;
    }

    public async Task DisposeAsync()
    {
        foreach (var silo in silos)
        {
            await silo.DisposeAsync();
        }

        await Redis.DisposeAsync();
    }
}

[CollectionDefinition(nameof(ClusterCollection))]
public sealed class ClusterCollection : ICollectionFixture<ThreeSilos>, ICollectionFixture<EmbeddedBatch>;
