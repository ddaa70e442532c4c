using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;
using Orleans.Serialization;
using Orleans.Storage;
using Simulation.Grains.Scenarios;

namespace Simulation.Grains.Hosting;

/// <summary>
/// The one place that configures a TradeSim silo: the Silo host and the CLI's embedded silo both
/// call it, so the two can never drift apart.
/// </summary>
public static class TradeSimSiloBuilderExtensions
{
    public static ISiloBuilder UseTradeSim(this ISiloBuilder silo, TradeSimSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Cluster is { } cluster)
        {
            // DESIGN §5.3: membership in Redis, so silos on several machines (or ports) find each
            // other and clients find their gateways; the silo listens on every interface and gives
            // the others the address it was told to.
            silo.UseRedisClustering(redis => redis.ConfigurationOptions = cluster.RedisConfiguration(ClusterAddress.ConnectTimeout));
            silo.Configure<ClusterOptions>(ids =>
            {
                ids.ClusterId = options.ClusterId;
                ids.ServiceId = options.ServiceId;
            });
            silo.Configure<EndpointOptions>(endpoints =>
            {
                endpoints.AdvertisedIPAddress = options.AdvertisedAddress;
                endpoints.SiloPort = options.SiloPort;
                endpoints.GatewayPort = options.GatewayPort;
                endpoints.SiloListeningEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Any, options.SiloPort);
                endpoints.GatewayListeningEndpoint = new System.Net.IPEndPoint(System.Net.IPAddress.Any, options.GatewayPort);
            });
        }
        else
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        }

        silo.UseQuickFailureDetection();

        // A negotiation round waits on both parties; a long scenario's round can take a while
        // under load, and a timed-out call would fail the whole run.
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(5));
        return silo.AddTradeSimGrains(options.Cluster);
    }

    /// <summary>
    /// The services TradeSim's grains need on any silo that hosts them, whatever its clustering: the
    /// silo's <see cref="ScenarioCache"/>, so a scenario is parsed once per silo, not once per grain, and
    /// the storage run grains keep their records in.
    /// </summary>
    public static ISiloBuilder AddTradeSimGrains(this ISiloBuilder silo, ClusterAddress? cluster = null)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ScenarioCache>(_ => new ScenarioCache());
        return silo.AddTradeSimStorage(cluster);
    }

    /// <summary>
    /// The grain storage the run grains and the runs directory keep their records in
    /// (<see cref="RunStorage"/>): in memory, within the silo, when it stands alone; in the cluster's
    /// Redis otherwise, so a run whose silo died resumes on another (DESIGN §5.3). Records are
    /// written with Orleans' own serializer, whose ids and aliases the recorded types carry.
    /// </summary>
    public static ISiloBuilder AddTradeSimStorage(this ISiloBuilder silo, ClusterAddress? cluster = null) =>
        cluster is null
            ? silo.AddMemoryGrainStorage(RunStorage)
            : silo.AddRedisGrainStorage(RunStorage, storage => storage.Configure<Serializer>((redis, serializer) =>
            {
                redis.ConfigurationOptions = cluster.RedisConfiguration(ClusterAddress.ConnectTimeout);
                redis.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer);
            }));

    /// <summary>The name of the grain storage of run records.</summary>
    public const string RunStorage = "runs";
}
