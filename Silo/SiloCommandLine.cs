using System.Globalization;
using System.Net;
using Simulation.Grains.Hosting;
using Simulation.Model.Scenarios;

namespace Simulation.Silo;

/// <summary>
/// The silo's command-line options, read strictly: an unknown option, a missing value or a port
/// that is not a number is an error (exit 2) that names the option and echoes the input, never
/// silently ignored (DESIGN §8).
/// </summary>
public sealed record SiloCommandLine(TradeSimSiloOptions Silo, string DashboardHost, int DashboardPort)
{
    public const string Usage = """
        Usage: dotnet run --project Silo -- [options]

          --silo-port <PORT>          silo-to-silo port (default 11111)
          --gateway-port <PORT>       port clients join through, e.g. tradesim --gateway 127.0.0.1:30000 (default 30000)
          --dashboard-port <PORT>     port of the Orleans dashboard (/dashboard) and the live page (/live)
                                      (default 8080)
          --dashboard-host <ADDRESS>  address both bind to (default 127.0.0.1, loopback only;
                                      0.0.0.0 exposes them to the network)
          --help                      this text
        """;

    private static readonly string[] Options = ["--silo-port", "--gateway-port", "--dashboard-port", "--dashboard-host"];

    /// <summary>The options in <paramref name="args"/>, or every problem found in them.</summary>
    public static (SiloCommandLine? Settings, IReadOnlyList<string> Errors, bool Help) Parse(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var errors = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg is "--help" or "-h")
            {
                return (null, [], true);
            }

            var (name, inline) = arg.IndexOf('=', StringComparison.Ordinal) is var eq and > 0 ? (arg[..eq], arg[(eq + 1)..]) : (arg, null);
            if (!Options.Contains(name, StringComparer.Ordinal))
            {
                var hint = name.StartsWith("--", StringComparison.Ordinal) && Suggestion.Closest(name, Options) is { } close ? $"; did you mean {close}?" : "";
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
            else if (!values.TryAdd(name, value))
            {
                errors.Add($"{name} is given twice");
            }
        }

        var siloPort = Port(values, "--silo-port", 11111, errors);
        var gatewayPort = Port(values, "--gateway-port", 30000, errors);
        var dashboardPort = Port(values, "--dashboard-port", 8080, errors);
        var host = values.GetValueOrDefault("--dashboard-host", "127.0.0.1");
        if (host != "localhost" && !IPAddress.TryParse(host, out _))
        {
            errors.Add($"--dashboard-host {Quote(host)}: expected an IP address such as 127.0.0.1 (or localhost)");
        }

        var distinct = new[] { siloPort, gatewayPort, dashboardPort };
        if (errors.Count == 0 && distinct.Distinct().Count() < distinct.Length)
        {
            errors.Add($"the silo, gateway and dashboard ports must differ (got {siloPort}, {gatewayPort}, {dashboardPort})");
        }

        return errors.Count > 0
            ? (null, errors, false)
            : (new SiloCommandLine(new TradeSimSiloOptions { SiloPort = siloPort, GatewayPort = gatewayPort }, host, dashboardPort), [], false);
    }

    private static int Port(Dictionary<string, string> values, string option, int fallback, List<string> errors)
    {
        if (!values.TryGetValue(option, out var text))
        {
            return fallback;
        }

        if (text.Length > 0 && text.All(char.IsAsciiDigit) && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port is >= 1 and <= 65535)
        {
            return port;
        }

        errors.Add($"{option} {Quote(text)}: expected a port number from 1 to 65535");
        return fallback;
    }

    private static string Quote(string text) => $"'{(text.Length > 40 ? text[..40] + "…" : text)}'";
}
