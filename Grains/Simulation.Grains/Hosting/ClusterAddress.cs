using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using StackExchange.Redis;

namespace Simulation.Grains.Hosting;

/// <summary>
/// Where a cluster keeps its membership and run state (DESIGN §5.3), written <c>redis=HOST:PORT</c>
/// on the command lines of the silo and the CLI alike; this is the one place that reads it.
/// </summary>
public sealed record ClusterAddress(string Host, int Port)
{
    /// <summary>The one kind of cluster store there is; the prefix leaves room for others.</summary>
    public const string RedisPrefix = "redis=";

    /// <summary>What a cluster address looks like, for error messages and help texts.</summary>
    public const string Example = "redis=127.0.0.1:6379";

    /// <summary>
    /// How long a silo's connection attempt to Redis may take. Bounded, so that a silo pointed at a
    /// Redis that is not there says so instead of waiting (DESIGN §8). The CLI gives Redis its own
    /// <c>--connect-timeout</c> instead, so that its message states one figure.
    /// </summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    public static bool TryParse(string? text, [NotNullWhen(true)] out ClusterAddress? address, [NotNullWhen(false)] out string? problem)
    {
        address = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            problem = $"expected redis=HOST:PORT, e.g. {Example}";
            return false;
        }

        if (!text.StartsWith(RedisPrefix, StringComparison.Ordinal))
        {
            problem = $"expected redis=HOST:PORT, e.g. {Example} (Redis is the one cluster store supported)";
            return false;
        }

        var hostPort = text[RedisPrefix.Length..];
        var colon = hostPort.LastIndexOf(':');
        if (colon <= 0 || colon == hostPort.Length - 1)
        {
            problem = $"expected redis=HOST:PORT with both a host and a port, e.g. {Example}";
            return false;
        }

        var portText = hostPort[(colon + 1)..];
        if (!portText.All(char.IsAsciiDigit) || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            problem = "the port must be a number from 1 to 65535";
            return false;
        }

        var host = hostPort[..colon];
        if (host.StartsWith('[') && host.EndsWith(']'))
        {
            host = host[1..^1];
        }

        if (host.Length == 0 || host.Any(char.IsWhiteSpace))
        {
            problem = $"the host must be a name or an IP address, e.g. {Example}";
            return false;
        }

        address = new ClusterAddress(host, port);
        problem = null;
        return true;
    }

    /// <summary>The address as written on a command line.</summary>
    public override string ToString() => $"{RedisPrefix}{(Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host)}:{Port.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>
    /// Why <paramref name="error"/> happened, in words for the user, when it is Redis not answering
    /// (the client's own message is advice to its programmer); null for any other error. The
    /// caller's message states the time allowed, which is the one the Redis client was given
    /// (<see cref="RedisConfiguration"/>).
    /// </summary>
    public string? Unanswered(Exception error)
    {
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (e is RedisConnectionException redis)
            {
                return $"Redis at {Host}:{Port.ToString(CultureInfo.InvariantCulture)} did not answer ({redis.FailureType}): is redis-server running there, and reachable from this machine?";
            }

            if (e is AggregateException aggregate && aggregate.InnerExceptions.Select(Unanswered).FirstOrDefault(m => m is not null) is { } inner)
            {
                return inner;
            }
        }

        return null;
    }

    /// <summary>
    /// The Redis client's configuration: a first connection that fails within
    /// <paramref name="connectTimeout"/> is an error (a silo that cannot reach Redis at start stops
    /// and says so), while a connection lost later is re-established in the background.
    /// </summary>
    public ConfigurationOptions RedisConfiguration(TimeSpan connectTimeout)
    {
        var options = new ConfigurationOptions
        {
            AbortOnConnectFail = true,
            ConnectTimeout = (int)Math.Ceiling(connectTimeout.TotalMilliseconds),
            ConnectRetry = 1,
            ClientName = "tradesim",
        };
        options.EndPoints.Add(Host, Port);
        return options;
    }
}
