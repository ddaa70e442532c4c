using Simulation.Model.Experiments;
using Simulation.Model.Input;

namespace Simulation.Model.Tests.Experiments;

public sealed class ExperimentFileTests
{
    private const string FileName = "studies/canola.yaml";

    [Fact]
    public void An_experiment_file_gives_the_scenario_grid_samples_runs_and_seed()
    {
        var experiment = ExperimentFile.Parse(
            "scenario: ../scenarios/base.yaml\n" +
            "seed: 9\n" +
            "runs: 20\n" +
            "vary:\n" +
            "  countries.CAN.strategy.e: [0.2, 1, 2]\n" +
            "  trade[1].tariff: 0\n" +
            "sample:\n" +
            "  sectors.canola_oil.supply_elasticity: uniform(1, 3)\n",
            FileName);

        experiment.Scenario.Should().Be(Path.Combine("studies", "../scenarios/base.yaml"), because: "the scenario is found relative to the experiment file");
        experiment.Seed.Should().Be(9);
        experiment.Runs.Should().Be(20);
        experiment.Vary.Select(a => a.ToString()).Should().Equal("countries.CAN.strategy.e=0.2,1,2", "trade[1].tariff=0");
        experiment.Sample.Should().ContainSingle().Which.Distribution.Should().Be(new Distribution.Uniform(1, 3));
        experiment.Vary[0].Origin.Should().Be(new InputOrigin(FileName, 5, 3));
    }

    [Fact]
    public void Without_runs_and_seed_an_experiment_runs_once_with_the_scenarios_seed()
    {
        var experiment = ExperimentFile.Parse("scenario: base.yaml\n", "canola.yaml");

        experiment.Runs.Should().Be(1);
        experiment.Seed.Should().BeNull();
        experiment.Vary.Should().BeEmpty();
    }

    [Fact]
    public void Every_error_of_an_experiment_file_is_reported_at_once_with_its_line()
    {
        var act = () => ExperimentFile.Parse(
            "scenario: base.yaml\n" +
            "runs: 0\n" +
            "repeats: 3\n" +
            "vary:\n" +
            "  countries..e: [1, 2]\n" +
            "  trade[0].tariff: [5, 5]\n" +
            "sample:\n" +
            "  trade[1].tariff: uniform(3, 1)\n",
            "canola.yaml");

        var errors = act.Should().Throw<InvalidInputException>().Which.Errors;

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (2, "runs"), (3, "repeats"), (5, "countries..e"), (6, "trade[0].tariff"), (8, "trade[1].tariff"));
        errors.Should().OnlyContain(e => e.File == "canola.yaml");
        errors[2].Message.Should().Contain("a key is missing at character 11");
        errors[3].Message.Should().Contain("the value 5 is given twice");
        errors[4].Message.Should().Be("uniform(a,b) needs a < b, got a = 3, b = 1");
    }

    [Fact]
    public void An_experiment_is_told_from_a_scenario_by_its_scenario_key()
    {
        ExperimentFile.IsExperiment("scenario: base.yaml\nruns: 3\n").Should().BeTrue();
        ExperimentFile.IsExperiment(ExperimentScenario.Text).Should().BeFalse();
    }

    [Theory]
    [InlineData("uniform(2,1)", "uniform(a,b) needs a < b, got a = 2, b = 1")]
    [InlineData("normal(0,-1)", "normal(m,s) needs a standard deviation s ≥ 0, got -1")]
    [InlineData("uniform(1)", "uniform(...) takes two numbers, got '(1)'")]
    [InlineData("beta(1,2)", "unknown distribution 'beta' (available: uniform, normal, lognormal, choice)")]
    [InlineData("choice(1,,2)", "choice(...) needs one or more values separated by commas, none empty")]
    [InlineData("5", "'5' is not a distribution; write uniform(a,b), normal(m,s), lognormal(m,s) or choice(x,y,...)")]
    public void A_malformed_distribution_is_refused_saying_what_is_wrong(string text, string expected)
    {
        Distribution.TryParse(text, out var error).Should().BeNull();
        error.Should().Be(expected);
    }

    [Fact]
    public void Command_line_options_are_read_as_path_and_values()
    {
        var errors = new List<InputError>();

        var axis = ExperimentOptions.ReadVary("countries.CAN.strategy.e=0.2, 1,2", errors);
        var sample = ExperimentOptions.ReadSample("sectors.canola_oil.supply_elasticity=lognormal(0, 0.5)", errors);
        ExperimentOptions.ReadVary("countries.CAN.strategy.e", errors).Should().BeNull();

        axis!.Values.Should().Equal("0.2", "1", "2");
        sample!.Distribution.Should().Be(new Distribution.LogNormal(0, 0.5));
        errors.Should().ContainSingle().Which.Should().Be(new InputError("--vary", null, null, "", "'countries.CAN.strategy.e' must be written PATH=V1,V2,..."));
    }

    /// <summary>
    /// Hostile experiment files: each is refused with exit-2 errors naming the line and what is
    /// wrong, within the scenario reader's bounds (size, aliases, nesting), never with an exception
    /// of .NET's.
    /// </summary>
    [Theory]
    [InlineData("scenario: [a, b]\n", 1, "scenario", "expected text, got a list")]
    [InlineData("scenario: base.yaml\nruns: many\n", 2, "runs", "expected an integer, got 'many'")]
    [InlineData("scenario: base.yaml\nruns: 100001\n", 2, "runs", "must be an integer from 1 to 100000, got 100001")]
    [InlineData("scenario: base.yaml\nruns: 1e400\n", 2, "runs", "must be an integer from 1 to 100000, got 1e400")]
    [InlineData("scenario: base.yaml\nseed: {a: 1}\n", 2, "seed", "expected an integer, got a mapping")]
    [InlineData("scenario: base.yaml\nvary: [1, 2]\n", 2, "vary", "expected a mapping of scenario paths, got a list")]
    [InlineData("scenario: base.yaml\nvary:\n  trade[0].tariff: {a: 1}\n", 3, "vary[\"trade[0].tariff\"]", "expected a list of values, such as [0.2, 1, 2]")]
    [InlineData("scenario: base.yaml\nsample:\n  trade[0].tariff: [1, 2]\n", 3, "sample[\"trade[0].tariff\"]", "expected a distribution, such as uniform(1, 3)")]
    [InlineData("scenario: base.yaml\nrepeats: 3\n", 2, "repeats", "unknown key 'repeats'")]
    [InlineData("scenario: base.yaml\nvary:\n  trade[0].tariff: []\n", 3, "trade[0].tariff", "has no values; give at least one, such as [0.2, 1, 2]")]
    public void A_malformed_experiment_file_is_refused_with_the_line_and_what_is_wrong(string text, int line, string path, string message)
    {
        var act = () => ExperimentFile.Parse(text, "hostile.yaml");

        var error = act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which;
        (error.File, error.Line, error.Path).Should().Be(("hostile.yaml", line, path));
        error.Message.Should().StartWith(message);
    }

    [Fact]
    public void An_alias_bomb_deep_nesting_and_a_huge_grid_are_refused_not_expanded()
    {
        // A billion laughs: nine levels of nine aliases would be 9^9 values if expanded.
        var bomb = "scenario: base.yaml\na: &a [x, x, x, x, x, x, x, x, x]\n" +
            string.Concat(Enumerable.Range(1, 8).Select(i => $"{(char)('a' + i)}: &{(char)('a' + i)} [{string.Join(", ", Enumerable.Repeat($"*{(char)('a' + i - 1)}", 9))}]\n"));
        var deep = "scenario: base.yaml\nvary:\n  x: " + new string('[', 10_000) + new string(']', 10_000) + "\n";
        // 11 axes of 4 values: 4^11 = 4,194,304 variants, beyond MaxRuns (1,000,000).
        var grid = "scenario: base.yaml\nvary:\n" + string.Concat(Enumerable.Range(0, 11).Select(i => $"  countries.C{i}.strategy.e: [1, 2, 3, 4]\n"));

        foreach (var text in new[] { bomb, deep })
        {
            var act = () => ExperimentFile.Parse(text, "hostile.yaml");
            act.Should().Throw<InvalidInputException>().Which.Errors.Should().NotBeEmpty().And.OnlyContain(e => e.File == "hostile.yaml");
        }

        var experiment = ExperimentFile.Parse(grid, "hostile.yaml");
        var plan = () => ExperimentPlan.Create(experiment, ScenarioDocument.Parse(ExperimentScenario.Text, ExperimentScenario.FileName), 0);
        plan.Should().Throw<InvalidInputException>().Which.Errors.Should().Contain(e => e.Message.Contains("the batch would have more than 1000000 runs; at most 1000000 (MaxRuns) are accepted", StringComparison.Ordinal));
    }
}
