using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using Simulation.Model.Statistics;
using static Simulation.Model.Tests.Experiments.ExperimentScenario;

namespace Simulation.Model.Tests.Experiments;

/// <summary>
/// <c>batch --sensitivity</c> on the model side: estimates become uniform draws over their ranges
/// (as <c>--sample PATH=uniform(low,high)</c> would draw them), two one-at-a-time runs each for a
/// tornado, and the analysis of the runs (ranges with percentiles, correlations).
/// </summary>
public sealed class SensitivityTests
{
    // The experiment scenario with the canola oil flow's value and supply elasticity marked as estimates.
    private static readonly string Marked = Text
        .Replace("supply_elasticity: 3 }", "supply_elasticity: 3, estimate: { supply_elasticity: { low: 1.5, high: 6 } } }", StringComparison.Ordinal)
        .Replace("value: 60, tariff: 5 }", "value: 60, tariff: 5, estimate: { value: { low: 30, high: 90 } } }", StringComparison.Ordinal);

    private static Scenario Load(string text) => ScenarioLoader.Parse(text, FileName);

    private static Experiment Experiment(int runs = 1, params GridAxis[] vary) => new(FileName, vary, [], runs, 7);

    [Fact]
    public void Every_estimate_is_drawn_uniformly_over_its_range_with_the_draws_sample_would_make()
    {
        var (design, experiment) = SensitivityDesign.Apply(Experiment(), Load(Marked), FileName, runsGiven: false);

        design.Inputs.Should().Equal("sectors.canola_oil.supply_elasticity", "trade[0].value");
        experiment.Sample.Select(s => s.ToString()).Should().Equal("sectors.canola_oil.supply_elasticity=uniform(1.5,6)", "trade[0].value=uniform(30,90)");
        experiment.Runs.Should().Be(SensitivityDesign.DefaultRuns);

        // The same experiment written with --sample draws the same values in every run (same generator, same seeds).
        var document = ScenarioDocument.Parse(Marked, FileName);
        var sensitivity = ExperimentPlan.Create(experiment, document, 42);
        var sampled = ExperimentPlan.Create(
            new Experiment(FileName, [], [Sample("sectors.canola_oil.supply_elasticity", "uniform(1.5,6)"), Sample("trade[0].value", "uniform(30,90)")], 100, 7),
            document, 42);
        sensitivity.Runs().Select(r => r.SettingsKey).Should().Equal(sampled.Runs().Select(r => r.SettingsKey));
        sensitivity.Runs().SelectMany(r => r.Settings).Where(s => s.Path.Text == "trade[0].value")
            .Select(s => double.Parse(s.Value, System.Globalization.CultureInfo.InvariantCulture))
            .Should().OnlyContain(v => v >= 30 && v < 90);
    }

    [Fact]
    public void Runs_given_are_kept()
    {
        SensitivityDesign.Apply(Experiment(runs: 12), Load(Marked), FileName, runsGiven: true).Experiment.Runs.Should().Be(12);
    }

    [Fact]
    public void The_tornado_sets_each_estimate_at_its_low_then_its_high_end_and_leaves_the_rest_as_written()
    {
        var (design, _) = SensitivityDesign.Apply(Experiment(), Load(Marked), FileName, runsGiven: false);

        design.OneAtATime.Select(r => (r.Input, r.AtHigh, r.Setting.ToString())).Should().Equal(
            ("sectors.canola_oil.supply_elasticity", false, "sectors.canola_oil.supply_elasticity=1.5"),
            ("sectors.canola_oil.supply_elasticity", true, "sectors.canola_oil.supply_elasticity=6"),
            ("trade[0].value", false, "trade[0].value=30"),
            ("trade[0].value", true, "trade[0].value=90"));
        var atLow = ScenarioDocument.Parse(Marked, FileName).Load([design.OneAtATime[2].Setting]);
        atLow.Trade[0].Value.Should().Be(30);
        atLow.Trade[1].Value.Should().Be(120, "the other numbers stay as written");
        atLow.Sectors.Single(s => s.Name == "canola_oil").SupplyElasticity.Should().Be(3);
    }

    [Fact]
    public void A_grid_and_a_scenario_without_estimates_are_both_refused_at_once()
    {
        var act = () => SensitivityDesign.Apply(Experiment(1, Axis("countries.CAN.strategy.e", "0.2", "1")), Load(Text), FileName, runsGiven: false);

        act.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.Message).Should().SatisfyRespectively(
            m => m.Should().Contain("cannot be combined with --vary (countries.CAN.strategy.e)"),
            m => m.Should().Contain("base.yaml marks no number as an estimate"));
    }

    [Fact]
    public void An_estimate_whose_low_is_its_high_is_fixed_and_not_drawn()
    {
        var fixedValue = Marked.Replace("{ low: 30, high: 90 }", "{ low: 60, high: 60 }", StringComparison.Ordinal);

        SensitivityDesign.Apply(Experiment(), Load(fixedValue), FileName, runsGiven: false).Design.Inputs
            .Should().Equal("sectors.canola_oil.supply_elasticity");
    }

    [Fact]
    public void A_tornado_run_the_scenario_refuses_is_an_error_before_anything_runs()
    {
        // A tariff that is the first level of an issue cannot move alone: 4 and 6 are not the level 5.
        var tariff = Marked.Replace("estimate: { value: { low: 30, high: 90 } }", "estimate: { tariff: { low: 4, high: 6 } }", StringComparison.Ordinal);
        var (design, _) = SensitivityDesign.Apply(Experiment(), Load(tariff), FileName, runsGiven: false);

        var act = () => design.Validate(ScenarioDocument.Parse(tariff, FileName));

        act.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.Message).Should().HaveCount(2)
            .And.Contain(m => m.EndsWith("(in the tornado run with trade[0].tariff=4)", StringComparison.Ordinal))
            .And.Contain(m => m.EndsWith("(in the tornado run with trade[0].tariff=6)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_range_of_one_to_ten_has_the_percentiles_of_linear_interpolation()
    {
        // Definition 7 of Hyndman & Fan: position h = (n − 1)p + 1 = 9·0.05 + 1 = 1.45, so x(1) + 0.45·(x(2) − x(1)) = 1.45;
        // for p = 0.95, h = 9.55, so 9 + 0.55 = 9.55 (as R's quantile(1:10, c(.05, .95)) and numpy.percentile give).
        var range = MeasureRange.Of("gain", [7, 3, 10, 1, 5, 2, 9, 4, 8, 6]);

        (range.Measure, range.Count, range.Min, range.Max).Should().Be(("gain", 10, 1.0, 10.0));
        range.P5.Should().BeApproximately(1.45, 1e-12);
        range.P95.Should().BeApproximately(9.55, 1e-12);
    }

    [Fact]
    public void The_analysis_gives_each_measures_range_and_its_correlation_with_each_input_in_replicate_order()
    {
        // Input x = 1..5 and a measure y = 2, 4, 5, 4, 5: r = 6/√60 and ρ = 7/√90 (worked in StatisticsTests);
        // a second measure z = −x is perfectly (negatively) correlated with x.
        SensitivitySample Run(int replicate, double x, double y) => new(replicate, [x], [y, -x]);
        SensitivitySample[] runs = [Run(1, 1, 2), Run(2, 2, 4), Run(3, 3, 5), Run(4, 4, 4), Run(5, 5, 5)];

        var analysis = SensitivityAnalysis.Of(["e"], ["gain", "round"], runs);
        var shuffled = SensitivityAnalysis.Of(["e"], ["gain", "round"], [runs[3], runs[0], runs[4], runs[2], runs[1]]);

        analysis.Ranges[0].Should().Be(new MeasureRange("gain", 5, 2, 5, 2.4, 5));
        analysis.Correlations.Select(c => (c.Measure, c.Input, c.Count)).Should().Equal(("gain", "e", 5), ("round", "e", 5));
        analysis.Correlations[0].Pearson!.Value.Should().BeApproximately(6 / Math.Sqrt(60), 1e-12);
        analysis.Correlations[0].Spearman!.Value.Should().BeApproximately(7 / Math.Sqrt(90), 1e-12);
        analysis.Strongest(1).Single().Measure.Should().Be("round", "|ρ| = 1 beats 0.74");
        analysis.Strongest(1).Single().Spearman.Should().BeApproximately(-1, 1e-12);
        shuffled.Ranges.Should().Equal(analysis.Ranges);
        shuffled.Correlations.Should().Equal(analysis.Correlations, "the runs are taken in replicate order, whatever order they finished in");
    }
}
