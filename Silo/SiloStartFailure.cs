using System.Net.Sockets;
using Simulation.Grains.Hosting;

namespace Simulation.Silo;

/// <summary>Why a silo did not start, in one line a person can act on (DESIGN §8).</summary>
public static class SiloStartFailure
{
    public static string Describe(Exception error, TradeSimSiloOptions options)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(options);
        var causes = Causes(error).ToList();
        if (options.Cluster?.Unanswered(error) is { } unanswered)
        {
            return $"cannot join the cluster at {options.Cluster} within {ClusterAddress.ConnectTimeout.TotalSeconds:0}s: {unanswered}";
        }

        if (causes.OfType<SocketException>().FirstOrDefault(s => s.SocketErrorCode == SocketError.AddressAlreadyInUse) is { } taken)
        {
            return $"a port is taken (silo {options.SiloPort}, gateway {options.GatewayPort}): {FirstLine(taken.Message)}; choose others with --silo-port and --gateway-port";
        }

        var innermost = causes[^1];
        return $"the silo did not start: {FirstLine(innermost.Message)}";
    }

    private static IEnumerable<Exception> Causes(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            yield return e;
            if (e is AggregateException aggregate)
            {
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Causes))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim().TrimEnd('.');
}
