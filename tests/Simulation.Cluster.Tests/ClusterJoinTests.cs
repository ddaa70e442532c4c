namespace Simulation.Cluster.Tests;

/// <summary>
/// Joining a cluster that is not there, or only half there, fails within a stated time with exit 1
/// and a message that names what was tried, never a stack trace (DESIGN §8); the options are read
/// from the command line and, for the silo, from the environment as ASP.NET Core hosts read them.
/// </summary>
public sealed class ClusterJoinTests
{
    private static readonly string Scenario = Path.Combine("scenarios", "canada-indonesia.yaml");

    [Fact]
    public async Task A_silo_that_cannot_reach_redis_at_start_says_so_in_one_line_and_exits_1()
    {
        var nobody = SiloProcess.FreePort();
        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(
            "--cluster", $"redis=127.0.0.1:{nobody}", "--silo-port", $"{SiloProcess.FreePort()}",
            "--gateway-port", $"{SiloProcess.FreePort()}", "--dashboard-port", $"{SiloProcess.FreePort()}");

        exitCode.Should().Be(1, stderr);
        stdout.Should().BeEmpty();
        stderr.Trim().Split('\n').Should().ContainSingle().Which.Should().Be(
            $"error: cannot join the cluster at redis=127.0.0.1:{nobody} within 5s: Redis at 127.0.0.1:{nobody} did not answer (UnableToConnect): is redis-server running there, and reachable from this machine?");
    }

    [Fact]
    public async Task The_silo_reads_its_options_from_environment_variables_and_names_them_in_errors()
    {
        var environment = new Dictionary<string, string> { ["TradeSim__SiloPort"] = "eleven", ["TradeSim__Cluster"] = "localhost:6379" };

        var (exitCode, stdout, stderr) = await SiloProcess.RunToExitAsync(environment);

        exitCode.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().Contain("TradeSim__SiloPort 'eleven': expected a port number from 1 to 65535")
            .And.Contain("TradeSim__Cluster 'localhost:6379': expected redis=HOST:PORT");
    }

    [Fact]
    public async Task The_command_line_overrides_the_environment()
    {
        var environment = new Dictionary<string, string> { ["TradeSim__SiloPort"] = "eleven" };

        var (exitCode, _, stderr) = await SiloProcess.RunToExitAsync(environment, "--silo-port", "70000");

        exitCode.Should().Be(2);
        stderr.Should().Contain("--silo-port '70000'").And.NotContain("TradeSim__SiloPort");
    }

    [Theory]
    [InlineData("60s")]
    [InlineData("6s")]
    public async Task The_cli_pointed_at_a_redis_that_is_not_there_fails_within_the_connect_timeout_naming_it(string timeout)
    {
        var nobody = SiloProcess.FreePort();

        // Nothing listens on the port: Redis's client is refused at once, whatever the timeout.
        var result = await TradeSimProcess.RunAsync(["run", Scenario, "--cluster", $"redis=127.0.0.1:{nobody}", "--connect-timeout", timeout], environment: null, TimeSpan.FromMinutes(2));

        result.ExitCode.Should().Be(1);
        result.Stdout.Should().BeEmpty();
        // One figure: the Redis client was given the same time as the whole join.
        result.Stderr.Should().Contain(
            $"error: cannot join the TradeSim cluster at redis=127.0.0.1:{nobody} within {timeout} (--connect-timeout): Redis at 127.0.0.1:{nobody} did not answer (UnableToConnect): is redis-server running there, and reachable from this machine?")
            .And.NotContain("   at ");
    }

    [Fact]
    public async Task The_cli_pointed_at_a_redis_that_lists_no_silo_fails_within_the_connect_timeout_saying_what_to_start()
    {
        await using var redis = await RedisServer.StartAsync();

        var result = await TradeSimProcess.RunAsync(
            ["batch", Scenario, "--engine", "grains", "--runs", "2", "--cluster", redis.ClusterAddress, "--connect-timeout", "30s", "--out", Path.Combine(Path.GetTempPath(), $"tradesim-none-{Guid.NewGuid():N}")],
            environment: null, TimeSpan.FromMinutes(1));

        result.ExitCode.Should().Be(1);
        result.Stderr.Should().Contain($"cannot join the TradeSim cluster at {redis.ClusterAddress} within 30s (--connect-timeout): Redis answered, but lists no silo whose gateway answers")
            .And.Contain($"dotnet run --project Silo -- --cluster {redis.ClusterAddress}").And.NotContain("   at ");
    }

    [Theory]
    [InlineData("--cluster redis=127.0.0.1:6379 --gateway 127.0.0.1:30000", "--gateway and --cluster are two ways to reach silos: give one of them")]
    [InlineData("--cluster 127.0.0.1:6379", "--cluster '127.0.0.1:6379': expected redis=HOST:PORT")]
    [InlineData("--cluster redis=127.0.0.1:99999", "--cluster 'redis=127.0.0.1:99999': the port must be a number from 1 to 65535")]
    [InlineData("--engine local --cluster redis=127.0.0.1:6379", "--cluster needs --engine grains")]
    public async Task A_wrong_cluster_option_is_a_usage_error(string options, string message)
    {
        var result = await TradeSimProcess.RunAsync(["run", Scenario, .. options.Split(' ')]);

        result.ExitCode.Should().Be(2);
        result.Stdout.Should().BeEmpty();
        result.Stderr.Should().Contain(message);
    }
}
