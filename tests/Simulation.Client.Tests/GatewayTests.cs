using System.Net;
using System.Net.Sockets;

namespace Simulation.Client.Tests;

/// <summary>
/// `--gateway` to a silo that is not there fails within `--connect-timeout` (exit 1, a message
/// naming the address, no stack trace) instead of hanging; the timeout's own value is checked like
/// any option's.
/// </summary>
public sealed class GatewayTests : IDisposable
{
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-gateway-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("2s")]
    [InlineData("1500ms")]
    [InlineData("2")]
    public async Task A_gateway_nobody_listens_on_fails_with_exit_1_and_names_the_address(string timeout)
    {
        var address = $"127.0.0.1:{FreePort()}";
        var output = Path.Combine(scratch, "outcome.json");
        File.WriteAllText(output, "the previous outcome");

        // The limit only ends a hanging CLI; the assertion is on what it says, not how fast.
        var result = await TradeSimProcess.RunAsync(
            ["run", Shipped, "--gateway", address, "--connect-timeout", timeout, "--out", output], environment: null, limit: TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(1, result.Stderr);
        result.Stderr.Should().Contain($"cannot reach a TradeSim silo at {address}");
        result.Stdout.Should().BeEmpty();
        CommandLineAssertions.NoStackTrace(result);
        File.ReadAllText(output).Should().Be("the previous outcome", "a failed run leaves the old file untouched");
        CommandLineAssertions.HoldsOnly(scratch, "outcome.json");
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("-1s")]
    [InlineData("5h")]
    [InlineData("1e9")]
    public async Task A_connect_timeout_that_is_not_a_duration_is_an_error_that_names_the_option(string timeout)
    {
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--gateway", "127.0.0.1:30000", "--connect-timeout", timeout);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--connect-timeout '{timeout}'");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task Help_states_the_connect_timeout_and_its_default()
    {
        var result = await TradeSimProcess.RunAsync("run", "--help");

        result.Stdout.Should().Contain("--connect-timeout").And.Contain("15s");
    }

    /// <summary>
    /// A loopback port nobody listens on: one the system has just handed out and taken back.
    /// Another program could take it in between; then the CLI meets a server that is not a silo,
    /// which must fail the same way.
    /// </summary>
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
