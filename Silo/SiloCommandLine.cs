using System.Globalization;
using System.Net;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Simulation.Grains.Hosting;
using Simulation.Model.Scenarios;

namespace Simulation.Silo;

/// <summary>
/// The silo's options, read strictly: an unknown option, a missing value or a port that is not a
/// number is an error (exit 2) that names the option and echoes the input, never silently ignored
/// (DESIGN §8). Each option can also be set in the "TradeSim" section of the configuration, as ASP.NET
/// Core hosts are configured: appsettings.json beside the silo, then environment variables such as
/// TradeSim__Cluster, then the command line, each overriding the one before.
/// </summary>
public sealed record SiloCommandLine(TradeSimSiloOptions Silo, string DashboardHost, int DashboardPort)
{
    /// <summary>The configuration section the options are read from.</summary>
    public const string Section = "TradeSim";

    public const string Usage = """
        Usage: dotnet run --project Silo -- [options]

          --cluster <redis=HOST:PORT>  join the cluster whose membership and run state are in this
                                       Redis (default: none, a silo on its own with state in memory)
          --silo-port <PORT>           silo-to-silo port (default 11111)
          --gateway-port <PORT>        port clients join through, e.g. tradesim --gateway 127.0.0.1:30000 (default 30000)
          --dashboard-port <PORT>      port of the Orleans dashboard (/dashboard) and the live page (/live)
                                       (default 8080)
          --dashboard-host <ADDRESS>   address both bind to (default 127.0.0.1, loopback only;
                                       0.0.0.0 exposes them to the network)
          --advertise <ADDRESS>        with --cluster: the address other silos and clients reach this
                                       one at (default 127.0.0.1, for silos on one machine)
          --help                       this text

        Each option can also be set in appsettings.json beside the silo (section "TradeSim", e.g.
        "SiloPort": 11112) or in an environment variable (e.g. TradeSim__Cluster=redis=10.0.0.5:6379);
        the command line overrides both.
        """;

    /// <summary>Each option with its key in the configuration section.</summary>
    private static readonly (string Option, string Key)[] Options =
    [
        ("--cluster", "Cluster"),
        ("--silo-port", "SiloPort"),
        ("--gateway-port", "GatewayPort"),
        ("--dashboard-port", "DashboardPort"),
        ("--dashboard-host", "DashboardHost"),
        ("--advertise", "Advertise"),
    ];

    /// <summary>The options in <paramref name="args"/>, then in <paramref name="configuration"/>, or every problem found in them.</summary>
    public static (SiloCommandLine? Settings, IReadOnlyList<string> Errors, bool Help) Parse(IReadOnlyList<string> args, IConfigurationRoot configuration)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();
        var names = Options.Select(o => o.Option).ToArray();

        // Each value with the name an error message gives it: the option, or where the configuration had it.
        var values = new Dictionary<string, (string Value, string Source)>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return (null, [], true);
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (!names.Contains(name, StringComparer.Ordinal))
            {
                var hint = name.StartsWith("--", StringComparison.Ordinal) && Suggestion.Closest(name, names) is { } close ? $"; did you mean {close}?" : "";
                errors.Add(name.StartsWith('-') ? $"unknown option {Quote(name)}{hint}" : $"unexpected argument {Quote(arg)}: the silo takes only options");
                if (name.StartsWith('-') && inline is null && i + 1 < args.Count && !args[i + 1].StartsWith('-'))
                {
                    i++; // the unknown option's value, not a second problem
                }

                continue;
            }

            var value = inline ?? (i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);
            if (value is null)
            {
                errors.Add($"{name} needs a value");
            }
            else if (!values.TryAdd(name, (value, name)))
            {
                errors.Add($"{name} is given twice");
            }
        }

        foreach (var (option, key) in Options)
        {
            if (!values.ContainsKey(option) && Configured(configuration, key) is { } configured)
            {
                values[option] = configured;
            }
        }

        var siloPort = Port(values, "--silo-port", 11111, errors);
        var gatewayPort = Port(values, "--gateway-port", 30000, errors);
        var dashboardPort = Port(values, "--dashboard-port", 8080, errors);
        var host = values.TryGetValue("--dashboard-host", out var dashboardHost) ? dashboardHost : (Value: "127.0.0.1", Source: "--dashboard-host");
        if (host.Value != "localhost" && !IPAddress.TryParse(host.Value, out _))
        {
            errors.Add($"{host.Source} {Quote(host.Value)}: expected an IP address such as 127.0.0.1 (or localhost)");
        }

        ClusterAddress? cluster = null;
        if (values.TryGetValue("--cluster", out var clusterText) && !ClusterAddress.TryParse(clusterText.Value, out cluster, out var problem))
        {
            errors.Add($"{clusterText.Source} {Quote(clusterText.Value)}: {problem}");
        }

        var advertised = IPAddress.Loopback;
        if (values.TryGetValue("--advertise", out var advertise) && !IPAddress.TryParse(advertise.Value, out advertised))
        {
            errors.Add($"{advertise.Source} {Quote(advertise.Value)}: expected the IP address other machines reach this one at, such as 10.0.0.7");
            advertised = IPAddress.Loopback;
        }

        var distinct = new[] { siloPort, gatewayPort, dashboardPort };
        if (errors.Count == 0 && distinct.Distinct().Count() < distinct.Length)
        {
            errors.Add($"the silo, gateway and dashboard ports must differ (got {siloPort}, {gatewayPort}, {dashboardPort})");
        }

        var silo = new TradeSimSiloOptions { SiloPort = siloPort, GatewayPort = gatewayPort, Cluster = cluster, AdvertisedAddress = advertised };
        return errors.Count > 0 ? (null, errors, false) : (new SiloCommandLine(silo, host.Value, dashboardPort), [], false);
    }

    /// <summary>
    /// The configured value of <paramref name="key"/>, named as the user set it: the environment
    /// variable, or the key in the file. The last source that has the key wins, as in
    /// <see cref="IConfiguration"/> itself.
    /// </summary>
    private static (string Value, string Source)? Configured(IConfigurationRoot configuration, string key)
    {
        var path = $"{Section}:{key}";
        foreach (var provider in configuration.Providers.Reverse())
        {
            if (provider.TryGet(path, out var value) && !string.IsNullOrEmpty(value))
            {
                var source = provider switch
                {
                    EnvironmentVariablesConfigurationProvider => $"{Section}__{key}",
                    FileConfigurationProvider file => $"{path} in {file.Source.Path}",
                    _ => path,
                };
                return (value, source);
            }
        }

        return null;
    }

    private static int Port(Dictionary<string, (string Value, string Source)> values, string option, int fallback, List<string> errors)
    {
        if (!values.TryGetValue(option, out var given))
        {
            return fallback;
        }

        var text = given.Value;
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        errors.Add($"{given.Source} {Quote(text)}: expected a port number from 1 to 65535");
        return fallback;
    }

    private static string Quote(string text) => $"'{(text.Length > 40 ? text[..40] + "…" : text)}'";
}
