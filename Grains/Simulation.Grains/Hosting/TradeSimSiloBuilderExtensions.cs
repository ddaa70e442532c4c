using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Hosting;
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
        silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
        silo.UseQuickFailureDetection();

        // A negotiation round waits on both parties; a long scenario's round can take a while
        // under load, and a timed-out call would fail the whole run.
        silo.Configure<SiloMessagingOptions>(messaging => messaging.ResponseTimeout = TimeSpan.FromMinutes(5));
        return silo.AddTradeSimGrains();
    }

    /// <summary>
    /// The services TradeSim's grains need on any silo that hosts them, whatever its clustering: the
    /// silo's <see cref="ScenarioCache"/>, so a scenario is parsed once per silo, not once per grain, and
    /// the storage run grains keep their records in.
    /// </summary>
    public static ISiloBuilder AddTradeSimGrains(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        silo.Services.AddSingleton<ScenarioCache>(_ => new ScenarioCache());
        return silo.AddTradeSimStorage();
    }

    /// <summary>
    /// The grain storage a run grain keeps its record in (<see cref="RunStorage"/>): in memory,
    /// within the silo, until a cluster configures a shared store under the same name.
    /// </summary>
    public static ISiloBuilder AddTradeSimStorage(this ISiloBuilder silo) => silo.AddMemoryGrainStorage(RunStorage);

    /// <summary>The name of the grain storage of run records.</summary>
    public const string RunStorage = "runs";
}
