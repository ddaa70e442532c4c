using Simulation.Model.Experiments;
using Simulation.Model.Inference;
using Simulation.Model.Input;

namespace Simulation.Model.Tests.Inference;

public sealed class PriorsFileTests
{
    [Fact]
    public void Each_distribution_of_the_design_is_read_with_its_path()
    {
        var priors = PriorsFile.Parse(
            "parameters:\n" +
            "  countries.CHN.objective: choice(mercantilist, welfare, political)\n" +
            "  countries.CAN.objective: \"choice({political: 0.5, welfare: 0.3, mercantilist: 0.2})\"\n" +
            "  countries.CHN.strategy.e: loguniform(0.1, 5)\n" +
            "  sectors.canola_seed.supply_elasticity: normal(1.5, 0.5)\n" +
            "  trade[0].tariff: uniform(0, 100)\n" +
            "  countries.CAN.lobby_weights.canola: normal(0, 1)\n" +
            "  events[0].round: normal(3, 1)\n",
            "priors.yaml");

        priors.Select(p => p.Path.Text).Should().Equal(
            "countries.CHN.objective", "countries.CAN.objective", "countries.CHN.strategy.e", "sectors.canola_seed.supply_elasticity",
            "trade[0].tariff", "countries.CAN.lobby_weights.canola", "events[0].round");
        priors[0].Prior.Should().Be(new ChoicePrior(["mercantilist", "welfare", "political"], [1.0 / 3, 1.0 / 3, 1.0 / 3]));
        priors[1].Prior.Should().Be(new ChoicePrior(["political", "welfare", "mercantilist"], [0.5, 0.3, 0.2]));
        priors[2].Prior.Should().Be(new LogUniformPrior(0.1, 5));
        priors[3].Prior.Should().Be(new NormalPrior(1.5, 0.5, 0, 100), because: "an elasticity is > 0 and ≤ 100 (ScenarioRanges.Elasticity)");
        priors[4].Prior.Should().Be(new UniformPrior(0, 100));
        priors[5].Prior.Should().Be(new NormalPrior(0, 1, 0, 100), because: "a lobby weight is from 0 to 100");
        priors[6].Prior.Should().Be(new NormalPrior(3, 1, double.NegativeInfinity, double.PositiveInfinity), because: "no range is known for an event's round");
        priors[2].Origin.Should().Be(new InputOrigin("priors.yaml", 4, 3));
    }

    [Fact]
    public void Every_error_of_a_priors_file_is_reported_at_once_with_its_line()
    {
        var act = () => PriorsFile.Parse(
            /* 1 */ "parameters:\n" +
            /* 2 */ "  countries..e: uniform(0, 1)\n" +
            /* 3 */ "  countries.CAN.strategy.e: uniform(5, 1)\n" +
            /* 4 */ "  sectors.x.demand_elasticity: uniform(0, 3)\n" +
            /* 5 */ "  trade[0].tariff: loguniform(0, 10)\n" +
            /* 6 */ "  trade[1].tariff: beta(1, 2)\n" +
            /* 7 */ "  trade[2].tariff: lognormal(1, 2)\n" +
            /* 8 */ "  countries.CAN.objective: \"choice({welfare: 0.5, political: 0.4})\"\n" +
            /* 9 */ "  sectors.x.supply_elasticity: normal(-50, 1)\n" +
            /* 10 */ "  countries.USA.discount: normal(0.5, 0)\n" +
            /* 11 */ "extra: 1\n",
            "priors.yaml");

        var errors = act.Should().Throw<InvalidInputException>().Which.Errors;

        errors.Select(e => e.Line).Should().Equal(2, 3, 4, 5, 6, 7, 8, 9, 10, 11);
        errors[1].Message.Should().Be("uniform(a,b) needs a < b, got a = 5, b = 1");
        errors[2].Message.Should().Be("uniform(0,3) reaches outside the field's range: it must be a number > 0 and ≤ 100");
        errors[3].Message.Should().Be("loguniform(a,b) needs 0 < a < b, got a = 0, b = 10");
        errors[4].Message.Should().Be("unknown distribution 'beta' (available: uniform, loguniform, normal, choice)");
        errors[5].Message.Should().StartWith("'lognormal(1, 2)' is not a prior here");
        errors[6].Message.Should().Be("the probabilities of choice(...) must add up to 1, got 0.9");
        errors[7].Message.Should().StartWith("normal(-50,1) has less than 0.001 of its mass in the field's range");
        errors[8].Message.Should().Be("normal(mu,sd) needs sd > 0, got 0");
        errors.Should().OnlyContain(e => e.File == "priors.yaml");
    }

    [Fact]
    public void A_weighted_choice_may_be_written_unquoted_without_spaces_after_its_colons()
    {
        var prior = PriorsFile.Parse("parameters:\n  countries.CAN.objective: choice({welfare:0.25, political:0.75})\n", "p.yaml").Single().Prior;

        prior.Should().Be(new ChoicePrior(["welfare", "political"], [0.25, 0.75]));
        prior.Text.Should().Be("choice({welfare: 0.25, political: 0.75})");
    }
}
