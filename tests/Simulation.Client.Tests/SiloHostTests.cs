using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>The Silo host as a person runs it: its options, its dashboard on loopback, and runs through its gateway.</summary>
public sealed class SiloHostTests
{
    [Fact]
    public async Task Unknown_options_and_bad_values_are_refused_with_every_problem_named()
    {
        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync("--silo-prot", "5", "--dashboard-port", "abc", "--gateway-port", "70000", "--dashboard-host", "not-an-address");

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("unknown option '--silo-prot'; did you mean --silo-port?")
            .And.Contain("--dashboard-port 'abc': expected a port number from 1 to 65535")
            .And.Contain("--gateway-port '70000': expected a port number from 1 to 65535")
            .And.Contain("--dashboard-host 'not-an-address': expected an IP address")
            .And.NotContain("Exception");
    }

    [Fact]
    public async Task Help_lists_the_options_and_the_loopback_default()
    {
        var (exitCode, stdout, _) = await SiloProcess.RunToExitAsync("--help");

        exitCode.Should().Be(0);
        stdout.Should().Contain("--silo-port").And.Contain("--gateway-port").And.Contain("--dashboard-port").And.Contain("default 127.0.0.1");
    }

    [Fact]
    public async Task A_silo_serves_the_dashboard_on_loopback_only_and_runs_scenarios_sent_to_its_gateway()
    {
        await using var silo = await SiloProcess.StartAsync();

        using var http = new HttpClient();
        var page = await http.GetAsync(new Uri($"http://127.0.0.1:{silo.DashboardPort}/dashboard"));
        page.IsSuccessStatusCode.Should().BeTrue(silo.Output);
        (await page.Content.ReadAsStringAsync()).Should().Contain("<html", "the dashboard's page");

        // Every socket listening on the dashboard's port is bound to 127.0.0.1, none to all interfaces.
        ListeningAddresses(silo.DashboardPort).Should().Equal("127.0.0.1");

        var shipped = Path.Combine("scenarios", "canada-indonesia.yaml");
        var viaGateway = await TradeSimProcess.RunAsync("run", shipped, "--gateway", $"127.0.0.1:{silo.GatewayPort}", "--format", "json");
        var embedded = await TradeSimProcess.RunAsync("run", shipped, "--format", "json");

        viaGateway.ExitCode.Should().Be(0, viaGateway.Stderr);
        var remote = JsonNode.Parse(viaGateway.Stdout)!.AsObject();
        var local = JsonNode.Parse(embedded.Stdout)!.AsObject();
        remote["timings"]!["embedded_silo"]!.GetValue<bool>().Should().BeFalse();
        remote.Remove("timings");
        local.Remove("timings");
        remote.ToJsonString().Should().Be(local.ToJsonString());
    }

    /// <summary>The local addresses of the TCP sockets listening on <paramref name="port"/>, read from the kernel's tables.</summary>
    private static List<string> ListeningAddresses(int port)
    {
        const string Listen = "0A";
        var found = new List<string>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" }.Where(File.Exists))
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                var local = fields[1].Split(':');
                if (fields[3] == Listen && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
                {
                    found.Add(Address(local[0]));
                }
            }
        }

        return found;
    }

    private static string Address(string hex) => hex switch
    {
        // IPv4 in /proc/net/tcp is the address's bytes in host (little-endian) order.
        { Length: 8 } => string.Join('.', Enumerable.Range(0, 4).Reverse().Select(i => Convert.ToByte(hex.Substring(2 * i, 2), 16))),
        "00000000000000000000000000000000" => "::",
        "00000000000000000000000001000000" => "::1",
        _ => hex,
    };
}
