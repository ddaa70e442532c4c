using System.Diagnostics.CodeAnalysis;
using System.Net;

namespace Simulation.Client.Cluster;

/// <summary>A silo gateway given as HOST:PORT on the command line.</summary>
public static class GatewayAddress
{
    public static bool TryParse(string text, [NotNullWhen(true)] out (string Host, int Port)? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        var colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            problem = "expected HOST:PORT, e.g. 127.0.0.1:30000";
            return false;
        }

        if (!int.TryParse(text[(colon + 1)..], out var port) || port is < 1 or > 65535)
        {
            problem = "the port must be a number from 1 to 65535";
            return false;
        }

        address = (text[..colon].Trim('[', ']'), port);
        problem = null;
        return true;
    }

    public static async Task<IPEndPoint> ResolveAsync(string text, CancellationToken cancellation)
    {
        if (!TryParse(text, out var address, out var problem))
        {
            throw new ArgumentException($"--gateway '{text}': {problem}");
        }

        var (host, port) = address.Value;
        if (IPAddress.TryParse(host, out var ip))
        {
            return new IPEndPoint(ip, port);
        }

        var addresses = await Dns.GetHostAddressesAsync(host, cancellation);
        var chosen = addresses.FirstOrDefault(a => a.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork) ?? addresses.FirstOrDefault()
            ?? throw new ArgumentException($"--gateway '{text}': cannot resolve host '{host}'");
        return new IPEndPoint(chosen, port);
    }
}
