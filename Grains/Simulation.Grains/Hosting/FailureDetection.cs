using Orleans.Configuration;
using Orleans.Hosting;

namespace Simulation.Grains.Hosting;

/// <summary>
/// How soon a silo that died is declared dead (DESIGN §5.3): until it is, its runs cannot be
/// activated on a survivor, so a watcher waits. Orleans' defaults (a 5 s probe, up to four times that
/// as it adapts, three missed probes) take up to a minute, fitting a large production cluster; a
/// few silos playing runs a person is watching want a few seconds. Two votes are still needed
/// (Orleans asks for at most half of the active silos), and a probe that waits on a busy machine
/// is extended (<see cref="ClusterMembershipOptions.ExtendProbeTimeoutDuringDegradation"/>, on by
/// default), so a slow silo is not taken for dead.
/// </summary>
public static class FailureDetection
{
    /// <summary>The probe timeout to start from; Orleans adapts it between half of it and <see cref="MaxProbeTimeout"/>.</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(2);

    /// <summary>The longest a probe may be given as Orleans adapts its timeout to the answers it sees.</summary>
    public static readonly TimeSpan MaxProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Missed probes in a row after which a silo votes its peer dead.</summary>
    public const int MissedProbes = 3;

    /// <summary>Declares a silo that stopped answering dead within seconds: about <see cref="MissedProbes"/> × the probe timeout.</summary>
    public static ISiloBuilder UseQuickFailureDetection(this ISiloBuilder silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        return silo.Configure<ClusterMembershipOptions>(membership =>
        {
            membership.ProbeTimeout = ProbeTimeout;
            membership.MaxProbeTimeout = MaxProbeTimeout;
            membership.NumMissedProbesLimit = MissedProbes;
        });
    }
}
