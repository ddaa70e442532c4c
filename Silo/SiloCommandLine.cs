using Simulation.Grains.Hosting;

namespace Simulation.Silo;

/// <summary>The silo's command-line options, read through configuration so they can also come from environment variables.</summary>
public sealed record SiloCommandLine(TradeSimSiloOptions Silo, string DashboardHost, int DashboardPort)
{
    public static IDictionary<string, string> SwitchMappings { get; } = new Dictionary<string, string>
    {
        ["--silo-port"] = "TradeSim:SiloPort",
        ["--gateway-port"] = "TradeSim:GatewayPort",
        ["--dashboard-port"] = "TradeSim:DashboardPort",
        ["--dashboard-host"] = "TradeSim:DashboardHost",
    };

    public static SiloCommandLine Read(IConfiguration configuration)
    {
        var section = configuration.GetSection("TradeSim");
        var silo = new TradeSimSiloOptions
        {
            SiloPort = section.GetValue("SiloPort", 11111),
            GatewayPort = section.GetValue("GatewayPort", 30000),
        };
        return new SiloCommandLine(silo, section.GetValue("DashboardHost", "127.0.0.1")!, section.GetValue("DashboardPort", 8080));
    }
}
