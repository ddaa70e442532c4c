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
}
