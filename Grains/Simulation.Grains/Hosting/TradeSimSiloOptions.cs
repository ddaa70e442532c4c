using System.Net;

namespace Simulation.Grains.Hosting;

/// <summary>
/// How a TradeSim silo joins its cluster. The defaults are Orleans' conventional localhost ports,
/// which is what `dotnet run --project Silo` and `tradesim --gateway 127.0.0.1:30000` expect.
/// </summary>
public sealed class TradeSimSiloOptions
{
    public const string DefaultClusterId = "tradesim";
    public const string DefaultServiceId = "tradesim";

    public int SiloPort { get; set; } = 11111;

    public int GatewayPort { get; set; } = 30000;

    public string ClusterId { get; set; } = DefaultClusterId;

    public string ServiceId { get; set; } = DefaultServiceId;

    /// <summary>
    /// Where the cluster keeps membership and run state (DESIGN §5.3); null for a silo on its own,
    /// with localhost clustering and run state in memory, which needs nothing installed.
    /// </summary>
    public ClusterAddress? Cluster { get; set; }

    /// <summary>
    /// The address this silo gives the others (and clients) in the cluster's membership: loopback,
    /// unless the silos are on several machines and each says which of its addresses they reach.
    /// </summary>
    public IPAddress AdvertisedAddress { get; set; } = IPAddress.Loopback;
}
