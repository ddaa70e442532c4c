using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using Simulation.Model.Tests.Experiments;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// A seed is read by one rule wherever it is written (a scenario for `run`, the same scenario for
/// `batch`, an experiment file): the integer the decimal literal stands for, exactly, from −2^63 to
/// 2^63 − 1, however it is written. Expected values are the literals' exact values by hand.
/// </summary>
public sealed class ScenarioSeedTests
{
    private const string FileName = "seed.yaml";

    [Theory]
    [InlineData("1", 1L)]
    [InlineData("1.0", 1L)]
    [InlineData("2e0", 2L)]
    [InlineData("1e3", 1000L)]
    [InlineData("-7.00", -7L)]
    [InlineData("1e16", 10_000_000_000_000_000L)]
    [InlineData("10000000000000000", 10_000_000_000_000_000L)]
    // 12345678901234567 has no double (the nearest is …568): read exactly, it stays itself.
    [InlineData("12345678901234567.0", 12_345_678_901_234_567L)]
    [InlineData("1234567890123456.7e1", 12_345_678_901_234_567L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("9.223372036854775807e18", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0.0e-5", 0L)]
    public void A_seed_is_the_integer_its_literal_stands_for_in_run_batch_and_experiments(string written, long expected)
    {
        var scenarioText = ExperimentScenario.Text.Replace("seed: 42", $"seed: {written}", StringComparison.Ordinal);

        ScenarioLoader.Parse(scenarioText, FileName).Seed.Should().Be(expected, "run reads the scenario's seed");
        ScenarioDocument.Parse(scenarioText, FileName).Seed.Should().Be(expected, "batch reads the same seed");
        ExperimentFile.Parse($"scenario: base.yaml\nseed: {written}\n", FileName).Seed.Should().Be(expected, "an experiment's seed follows the same rule");
    }

    [Theory]
    [InlineData("1e19")]
    [InlineData("9223372036854775808")]
    [InlineData("-9223372036854775809")]
    [InlineData("1e400")]
    [InlineData("100000000000000000000000000000000000000000000000000")]
    public void A_seed_outside_64_bits_is_refused_with_the_range_whichever_way_it_is_written(string written)
    {
        var act = () => ScenarioLoader.Parse($"name: x\nseed: {written}\n", FileName);

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which.Should().Be(
            new InputError(FileName, 2, 7, "seed", $"must be an integer from -9223372036854775808 to 9223372036854775807, got {written}"));
    }

    [Theory]
    [InlineData("2.5")]
    [InlineData("1e-400")]
    [InlineData("10000000000000000.5")]
    public void A_seed_with_a_fraction_is_not_an_integer(string written)
    {
        var act = () => ScenarioLoader.Parse($"name: x\nseed: {written}\n", FileName);

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which.Message.Should().Be($"expected an integer, got {written}");
    }

    [Fact]
    public void A_scenario_without_a_seed_or_with_a_bad_one_has_seed_0_for_the_batch_and_the_loader_reports_the_bad_one()
    {
        ScenarioDocument.Parse("name: x\n", FileName).Seed.Should().Be(0);
        ScenarioDocument.Parse("name: x\nseed: 1e19\n", FileName).Seed.Should().Be(0);
    }
}
