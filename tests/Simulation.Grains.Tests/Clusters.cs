using Orleans.Placement;
using Orleans.Runtime.Placement;
using Orleans.TestingHost;
using Simulation.Grains.Hosting;

namespace Simulation.Grains.Tests;

/// <summary>
/// Test clusters shared by the tests of a collection, as the Orleans tests do: starting silos is the
/// slow part. A run's grains are keyed by its run id, and each test's runs get run ids of their own
/// (<see cref="RunDriver.OwnRunId"/>), so runs never see each other's grains.
/// </summary>
public abstract class ClusterFixture(int silos, Action<InProcessTestClusterBuilder>? configure = null) : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IClusterClient Client => Cluster.Client;

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder((short)silos);
        builder.ConfigureSilo((_, silo) => silo.AddTradeSimGrains());
        configure?.Invoke(builder);
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await Cluster.DisposeAsync();
}

/// <summary>Two silos with the product's placement: a run's grains follow its run grain (prefer-local).</summary>
public sealed class TwoSilos() : ClusterFixture(2);

/// <summary>One silo.</summary>
public sealed class OneSilo() : ClusterFixture(1);

/// <summary>
/// Two silos on which every grain that would be placed locally is instead placed by a stable hash of
/// its id: a run's countries and negotiations end up on both silos, so every turn crosses silos.
/// </summary>
public sealed class SpreadOverTwoSilos() : ClusterFixture(2, builder => builder.ConfigureSilo((_, silo) =>
    silo.Services.AddPlacementDirector<PreferLocalPlacement, SpreadByIdPlacement>()));

/// <summary>Places a grain on one of the compatible silos chosen by a stable hash of its id.</summary>
public sealed class SpreadByIdPlacement : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target).OrderBy(s => s.ToString(), StringComparer.Ordinal).ToArray();
        var index = (int)(Simulation.Model.Determinism.StableHash.Of(target.GrainIdentity.ToString()) % (ulong)silos.Length);
        return Task.FromResult(silos[index]);
    }
}

/// <summary>One silo that counts the calls made to each run's grains (<see cref="RunCallCounter"/>).</summary>
public sealed class CountedOneSilo() : ClusterFixture(1, builder => builder.ConfigureSilo((_, silo) =>
    silo.AddIncomingGrainCallFilter<RunCallCounter>()));

[CollectionDefinition(nameof(ClusterCollection))]
public sealed class ClusterCollection : ICollectionFixture<TwoSilos>, ICollectionFixture<OneSilo>, ICollectionFixture<SpreadOverTwoSilos>, ICollectionFixture<CountedOneSilo>;
