using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Simulation.Grains.Hosting;

namespace Simulation.Client.Commands;

/// <summary>
/// Options shared by commands that need a silo: the embedded one (default), a running silo's gateway,
/// or a cluster found through its Redis (DESIGN §5.3).
/// </summary>
public class ClusterSettings : CommandSettings
{
    [CommandOption("--gateway <HOST:PORT>")]
    [Description("Join a running silo through its gateway (e.g. 127.0.0.1:30000) instead of hosting one in-process.")]
    public string? Gateway { get; init; }

    [CommandOption("--cluster <redis=HOST:PORT>")]
    [Description("Join the cluster whose silos are listed in this Redis (e.g. redis=127.0.0.1:6379): runs go to its gateways, and on to another when a silo goes away.")]
    public string? Cluster { get; init; }

    /// <summary>The cluster's address, once <see cref="Validate"/> has accepted it; null without --cluster.</summary>
    public ClusterAddress? ClusterValue => ClusterAddress.TryParse(Cluster, out var address, out _) ? address : null;

    [CommandOption("--connect-timeout <DURATION>")]
    [Description("With --gateway or --cluster: how long to keep trying to reach it before failing, e.g. 15s, 500ms or 30 (seconds).")]
    [DefaultValue("15s")]
    public string ConnectTimeout { get; init; } = "15s";

    /// <summary>The connect timeout, once <see cref="Validate"/> has accepted it.</summary>
    public TimeSpan ConnectTimeoutValue => OptionValue.Duration(ConnectTimeout) ?? TimeSpan.Zero;

    /// <summary>The longest connect timeout accepted: past it a missing silo is not worth waiting for.</summary>
    private static readonly TimeSpan MaxConnectTimeout = TimeSpan.FromHours(1);

    public override ValidationResult Validate()
    {
        if (Gateway is not null && !Simulation.Client.Cluster.GatewayAddress.TryParse(Gateway, out _, out var problem))
        {
            return OptionValue.Error("--gateway", Gateway, problem);
        }

        if (Cluster is not null && Gateway is not null)
        {
            return ValidationResult.Error("--gateway and --cluster are two ways to reach silos: give one of them");
        }

        if (Cluster is not null && !ClusterAddress.TryParse(Cluster, out _, out var clusterProblem))
        {
            return OptionValue.Error("--cluster", Cluster, clusterProblem);
        }

        if (OptionValue.Duration(ConnectTimeout) is not { } timeout || timeout <= TimeSpan.Zero || timeout > MaxConnectTimeout)
        {
            return OptionValue.Error("--connect-timeout", ConnectTimeout, "expected a duration from 1ms to 1 hour, such as 15s, 500ms or 30 (seconds)");
        }

        return ValidationResult.Success();
    }
}
