using System.Net;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Silo.Live;

/// <summary>Where this silo's live page and dashboard are, as a person's browser reaches them.</summary>
public static class LivePages
{
    public static LivePage For(string host, int port)
    {
        ArgumentNullException.ThrowIfNull(host);
        // Bound to every address: name the machine rather than an address no browser can open.
        var name = host is "0.0.0.0" or "::" ? Dns.GetHostName()
            : IPAddress.TryParse(host, out var address) && address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{host}]"
            : host;
        return new LivePage($"http://{name}:{port}/live", $"http://{name}:{port}/dashboard");
    }
}
