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
}
