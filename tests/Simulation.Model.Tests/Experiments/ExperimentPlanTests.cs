using System.Globalization;
using Simulation.Model.Determinism;
using Simulation.Model.Experiments;
using Simulation.Model.Input;
using static Simulation.Model.Tests.Experiments.ExperimentScenario;

namespace Simulation.Model.Tests.Experiments;

public sealed class ExperimentPlanTests
{
    private static ExperimentPlan Plan(IReadOnlyList<GridAxis> vary, IReadOnlyList<SampledInput> sample, int runs = 1, long? seed = 7) =>
        ExperimentPlan.Create(new Experiment(FileName, vary, sample, runs, seed), Document, scenarioSeed: 42);

    [Fact]
    public void The_grid_is_the_cartesian_product_with_the_first_axis_varying_slowest()
    {
        var plan = Plan([Axis("countries.CAN.strategy.e", "0.2", "1", "2"), Axis("negotiations[0].rounds", "10", "20")], []);

        // 3 × 2 = 6 variants, numbered from 1 in nested-loop order.
        plan.Variants.Select(v => v.Key).Should().Equal(
            "countries.CAN.strategy.e=0.2;negotiations[0].rounds=10",
            "countries.CAN.strategy.e=0.2;negotiations[0].rounds=20",
            "countries.CAN.strategy.e=1;negotiations[0].rounds=10",
            "countries.CAN.strategy.e=1;negotiations[0].rounds=20",
            "countries.CAN.strategy.e=2;negotiations[0].rounds=10",
            "countries.CAN.strategy.e=2;negotiations[0].rounds=20");
        plan.Variants.Select(v => v.Number).Should().Equal(1, 2, 3, 4, 5, 6);
    }

    [Fact]
    public void Each_variant_runs_its_replicates_so_the_batch_has_variants_times_replicates_runs()
    {
        var plan = Plan([Axis("countries.CAN.strategy.e", "0.2", "1", "2"), Axis("negotiations[0].rounds", "10", "20")], [], runs: 4);

        var runs = plan.Runs().ToList();
        plan.RunCount.Should().Be(24);
        runs.Should().HaveCount(24);
        runs.Select(r => (r.Variant.Number, r.Replicate)).Take(6).Should().Equal((1, 1), (1, 2), (1, 3), (1, 4), (2, 1), (2, 2));
    }

    [Fact]
    public void Without_a_grid_there_is_one_variant_the_scenario_as_written()
    {
        var plan = Plan([], [], runs: 3);

        plan.Variants.Should().ContainSingle().Which.Settings.Should().BeEmpty();
        plan.Runs().Should().HaveCount(3);
    }

    [Fact]
    public void Replicate_one_runs_with_the_batch_seed_and_the_others_with_seeds_derived_from_it_shared_by_all_variants()
    {
        var plan = Plan([Axis("trade[0].value", "60", "90")], [], runs: 3, seed: 7);
        var runs = plan.Runs().ToList();

        runs[0].Seed.Should().Be(7);
        // Derived as documented: the stable hash of (7, "replicate", "2"), shifted right once to be non-negative.
        runs[1].Seed.Should().Be((long)(StableHash.Of(7, "replicate", "2") >> 1));
        runs.Select(r => r.Seed).Take(3).Should().OnlyHaveUniqueItems();
        runs.Skip(3).Select(r => r.Seed).Should().Equal(runs.Take(3).Select(r => r.Seed), because: "variants share their replicate seeds (common random numbers)");
    }

    [Fact]
    public void Without_a_batch_seed_the_scenario_seed_is_used()
    {
        Plan([], [], seed: null).Seed.Should().Be(42);
    }

    [Fact]
    public void A_uniform_draw_is_a_plus_b_minus_a_times_the_generator_seeded_by_seed_variant_replicate_and_path()
    {
        var plan = Plan([Axis("trade[0].value", "60", "90")], [Sample("sectors.canola_oil.supply_elasticity", "uniform(1,3)")], runs: 2, seed: 7);
        var run = plan.Runs().ElementAt(3); // variant 2, replicate 2

        var u = SeededRandom.For(7, "sample", "trade[0].value=90", "2", "sectors.canola_oil.supply_elasticity").NextDouble();
        var drawn = double.Parse(run.Settings[1].Value, CultureInfo.InvariantCulture);
        drawn.Should().Be(1 + (2 * u));
        run.Settings[0].Should().Be(Set("trade[0].value", "90"));
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws_and_another_seed_other_draws()
    {
        IReadOnlyList<SampledInput> sample = [Sample("sectors.canola_oil.supply_elasticity", "normal(3,0.5)"), Sample("trade[1].value", "choice(100,120,140)")];
        var first = Plan([], sample, runs: 20, seed: 11).Runs().Select(r => r.SettingsKey).ToList();
        var second = Plan([], sample, runs: 20, seed: 11).Runs().Select(r => r.SettingsKey).ToList();
        var other = Plan([], sample, runs: 20, seed: 12).Runs().Select(r => r.SettingsKey).ToList();

        second.Should().Equal(first);
        other.Should().NotEqual(first);
        first.Should().OnlyHaveUniqueItems(because: "every run draws its own values");
    }

    [Fact]
    public void A_runs_draws_do_not_depend_on_the_order_runs_are_made_nor_on_the_other_sampled_inputs()
    {
        var alone = Plan([Axis("trade[0].value", "60", "90")], [Sample("sectors.canola_oil.supply_elasticity", "uniform(1,3)")], runs: 5);
        var withMore = Plan(
            [Axis("trade[0].value", "60", "90")],
            [Sample("trade[1].value", "uniform(100,200)"), Sample("sectors.canola_oil.supply_elasticity", "uniform(1,3)")],
            runs: 5);

        var inOrder = alone.Runs().ToList();
        var backwards = Enumerable.Range(1, 5).Reverse().Select(r => alone.Run(alone.Variants[1], r)).Reverse().ToList();
        backwards.Select(r => r.SettingsKey).Should().Equal(inOrder.Skip(5).Select(r => r.SettingsKey));

        withMore.Runs().Select(r => r.Settings.Single(s => s.Path.Text == "sectors.canola_oil.supply_elasticity").Value)
            .Should().Equal(inOrder.Select(r => r.Settings[1].Value));
    }

    [Fact]
    public void Normal_and_lognormal_draws_have_the_stated_mean_and_median()
    {
        // 4000 draws: the standard error of the mean of normal(10, 2) is 2/sqrt(4000) = 0.032, so 0.15 is about 5 errors;
        // the median of lognormal(0, 0.5) is e^0 = 1, and of 4000 draws lies within 0.05 of it with room to spare.
        var normal = Plan([], [Sample("sectors.canola_oil.supply_elasticity", "normal(10,2)")], runs: 4000)
            .Runs().Select(r => double.Parse(r.Settings[0].Value, CultureInfo.InvariantCulture)).ToList();
        var lognormal = Plan([], [Sample("sectors.canola_oil.supply_elasticity", "lognormal(0,0.5)")], runs: 4000)
            .Runs().Select(r => double.Parse(r.Settings[0].Value, CultureInfo.InvariantCulture)).Order().ToList();

        normal.Average().Should().BeApproximately(10, 0.15);
        Math.Sqrt(normal.Select(x => (x - normal.Average()) * (x - normal.Average())).Sum() / (normal.Count - 1)).Should().BeApproximately(2, 0.1);
        lognormal.Should().OnlyContain(x => x > 0);
        lognormal[2000].Should().BeApproximately(1, 0.05);
    }

    [Fact]
    public void Choice_draws_only_the_listed_values_and_each_of_them()
    {
        var drawn = Plan([], [Sample("trade[1].value", "choice(100,120,140)")], runs: 300).Runs().Select(r => r.Settings[0].Value).ToList();

        drawn.Distinct().Order().Should().Equal("100", "120", "140");
    }

    [Fact]
    public void Every_problem_with_the_paths_and_sizes_is_reported_at_once_before_any_run()
    {
        var act = () => Plan(
            [Axis("countries.USA.strategy.e", "1"), Axis("trade[0].value", "60", "90")],
            [Sample("trade[0].value", "uniform(0,5)"), Sample("countries.CAN.name", "uniform(0,1)")],
            runs: 0);

        var errors = act.Should().Throw<InvalidInputException>().Which.Errors;
        errors.Select(e => (e.File, e.Path)).Should().Equal(
            ("--vary", "countries.USA.strategy.e"),
            ("--sample", "trade[0].value"),
            ("--sample", "countries.CAN.name"),
            ("--runs", ""));
        errors[0].Message.Should().Be("not in base.yaml: countries has no key 'USA' (it has: CAN, IDN, ROW)");
        errors[1].Message.Should().Contain("twice");
        errors[2].Message.Should().Be("holds the text 'Canada' in base.yaml, but uniform(0,1) draws numbers; use choice(...) for other values");
    }

    [Fact]
    public void An_elasticity_written_infinite_can_be_sampled_as_a_number()
    {
        // Write footwear's supply elasticity as infinite, then sample it.
        var document = ScenarioDocument.Parse(Text.Replace("substitution_elasticity: 4 }", "substitution_elasticity: 4, supply_elasticity: infinite }", StringComparison.Ordinal), FileName);
        var plan = ExperimentPlan.Create(
            new Experiment(FileName, [], [Sample("sectors.footwear.supply_elasticity", "uniform(1,3)")], 2, 7), document, scenarioSeed: 42);

        plan.Validate();
        plan.Load(plan.Runs().First()).Sector("footwear").SupplyElasticity.Should().BeInRange(1, 3);
    }

    [Fact]
    public void A_grid_larger_than_the_limit_is_refused_naming_the_limit()
    {
        var values = Enumerable.Range(0, 1001).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToArray();
        var act = () => Plan([Axis("trade[0].tariff", values), Axis("trade[1].tariff", values)], []);

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("more than 1000000 runs").And.Contain("MaxRuns");
    }

    [Fact]
    public void Validation_loads_every_run_and_lists_an_error_shared_by_runs_once_with_how_many_met_it()
    {
        var plan = Plan([Axis("countries.CAN.strategy.e", "-1", "0.5"), Axis("negotiations[0].rounds", "10", "20")], [], runs: 2);

        var errors = plan.Invoking(p => p.Validate()).Should().Throw<InvalidInputException>().Which.Errors;

        var error = errors.Should().ContainSingle().Which;
        error.Path.Should().Be("countries.CAN.strategy.e");
        error.Line.Should().Be(7);
        error.Message.Should().EndWith("(in 4 of 8 runs, the first with countries.CAN.strategy.e=-1, negotiations[0].rounds=10)");
    }

    [Fact]
    public void A_valid_plan_validates_and_each_run_loads_with_its_values()
    {
        var plan = Plan([Axis("countries.CAN.strategy.e", "0.2", "2")], [Sample("sectors.canola_oil.supply_elasticity", "uniform(1,3)")], runs: 3);

        plan.Validate();
        var run = plan.Runs().Last();
        var scenario = plan.Load(run);
        scenario.Country("CAN").Strategy.Bidding["e"].Should().Be(2);
        scenario.Sector("canola_oil").SupplyElasticity.Should().Be(double.Parse(run.Settings[1].Value, CultureInfo.InvariantCulture));
    }
}
