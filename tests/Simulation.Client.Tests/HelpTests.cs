namespace Simulation.Client.Tests;

/// <summary>Help and version: what the command is called and which build it is.</summary>
public sealed class HelpTests
{
    [Fact]
    public async Task Version_prints_the_version_and_exits_0()
    {
        var result = await TradeSimProcess.RunAsync("--version");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+\S*$");
    }

    [Theory]
    [InlineData("tradesim [OPTIONS] <COMMAND>", "--help")]
    [InlineData("tradesim run <SCENARIO> [OPTIONS]", "run", "--help")]
    [InlineData("tradesim evaluate <SCENARIO> [OPTIONS]", "evaluate", "--help")]
    public async Task Help_calls_the_command_tradesim(string usage, params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain(usage);
    }

    [Fact]
    public async Task Run_help_says_what_the_seed_changes_and_shows_a_scenario_where_it_matters()
    {
        var result = await TradeSimProcess.RunAsync("run", "--help");

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("breaking an exact tie between equally good bids").And.Contain("tradesim run scenarios/equal-lines.yaml --seed 2");
    }
}
