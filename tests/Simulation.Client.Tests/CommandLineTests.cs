namespace Simulation.Client.Tests;

/// <summary>
/// The command line itself: options that do not exist, values that are not what an option takes,
/// commands that are misspelt. Each is a usage error (exit 2) that names what was typed and, when
/// the intended word is close, suggests it; nothing is run and nothing is written.
/// </summary>
public sealed class CommandLineTests : IDisposable
{
    private static readonly string Shipped = Path.Combine("scenarios", "canada-indonesia.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-cli-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Theory]
    [InlineData("--sed", "--seed", "run", "scenarios/canada-indonesia.yaml", "--sed", "7")]
    [InlineData("--ouput", "--out", "run", "scenarios/canada-indonesia.yaml", "--ouput", "x.json")]
    [InlineData("--fromat", "--format", "run", "scenarios/canada-indonesia.yaml", "--fromat", "json")]
    [InlineData("--modle", "--model", "evaluate", "scenarios/canada-indonesia.yaml", "--set", "IDN:CAN:canola_oil=0", "--modle", "smart")]
    [InlineData("--fromat", "--format", "evaluate", "scenarios/canada-indonesia.yaml", "--set", "IDN:CAN:canola_oil=0", "--fromat", "json")]
    [InlineData("--gatway", "--gateway", "run", "scenarios/canada-indonesia.yaml", "--gatway", "127.0.0.1:30000")]
    public async Task A_misspelt_option_is_an_error_that_names_it_and_suggests_the_right_one(string typed, string meant, params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"'{typed}'").And.Contain($"did you mean '{meant}'");
        result.Stdout.Should().BeEmpty("nothing is run");
        CommandLineAssertions.NoStackTrace(result);
    }

    [Fact]
    public async Task A_misspelt_option_of_ge_and_of_validate_is_an_error_too()
    {
        var flows = Path.Combine(scratch, "flows.csv");
        File.WriteAllText(flows, "exporter,importer,trade,beta\nA,A,10,0\nA,B,2,0\nB,A,3,0\nB,B,8,0\n");

        var ge = await TradeSimProcess.RunAsync("ge", flows, "--thetaa", "3");
        var validate = await TradeSimProcess.RunAsync("validate", Shipped, "--fromat", "json");

        ge.ExitCode.Should().Be(2, ge.Stderr);
        ge.Stderr.Should().Contain("'--thetaa'").And.Contain("did you mean '--theta'");
        ge.Stdout.Should().BeEmpty();
        validate.ExitCode.Should().Be(2, validate.Stderr);
        validate.Stderr.Should().Contain("'--fromat'").And.Contain("validate");
        validate.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task An_option_another_command_has_is_an_error_that_names_it()
    {
        // --rounds is a scenario setting, not an option of run.
        var result = await TradeSimProcess.RunAsync("run", Shipped, "--rounds", "5");

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("'--rounds'").And.Contain("run");
        result.Stdout.Should().BeEmpty();
    }

    [Fact]
    public async Task A_misspelt_option_is_not_written_to_a_file_either()
    {
        var file = Path.Combine(scratch, "outcome.json");

        var result = await TradeSimProcess.RunAsync("run", Shipped, "--out", file, "--sed", "7");

        result.ExitCode.Should().Be(2, result.Stderr);
        File.Exists(file).Should().BeFalse("a usage error runs nothing and writes nothing");
    }

    [Theory]
    [InlineData("extra", "run", "scenarios/canada-indonesia.yaml", "extra")]
    [InlineData("--seed", "run", "scenarios/canada-indonesia.yaml", "--", "--seed", "7")]
    public async Task Arguments_nothing_takes_are_errors(string named, params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain(named);
        result.Stdout.Should().BeEmpty();
    }

    [Theory]
    [InlineData("--out", "run", "scenarios/canada-indonesia.yaml", "--out")]
    [InlineData("--seed", "run", "scenarios/canada-indonesia.yaml", "--seed")]
    [InlineData("--set", "evaluate", "scenarios/canada-indonesia.yaml", "--set")]
    public async Task An_option_without_its_value_is_an_error_that_names_it_and_runs_nothing(string option, params string[] args)
    {
        var result = await TradeSimProcess.RunAsync(args);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"'{option.TrimStart('-')}'").And.Contain("no value");
        result.Stdout.Should().BeEmpty();
        File.Exists(Path.Combine(Simulation.Tests.Shared.RepositoryPaths.Root, "__default_command")).Should().BeFalse("no word is made up for a missing value");
    }

    [Fact]
    public async Task A_misspelt_command_is_an_error_that_suggests_the_right_one()
    {
        var result = await TradeSimProcess.RunAsync("rnu", Shipped);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("'rnu'").And.Contain("did you mean 'run'");
        CommandLineAssertions.NoStackTrace(result);
    }
}
