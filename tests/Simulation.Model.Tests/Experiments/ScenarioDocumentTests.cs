using Simulation.Model.Experiments;
using Simulation.Model.Input;
using static Simulation.Model.Tests.Experiments.ExperimentScenario;

namespace Simulation.Model.Tests.Experiments;

/// <summary>Values set at paths before loading; expected values are the ones set, or the file's (ExperimentScenario).</summary>
public sealed class ScenarioDocumentTests
{
    [Fact]
    public void A_sector_elasticity_set_by_path_replaces_the_file_value_and_nothing_else()
    {
        var scenario = Document.Load([Set("sectors.canola_oil.supply_elasticity", "5")]);

        scenario.Sector("canola_oil").SupplyElasticity.Should().Be(5);
        scenario.Sector("canola_oil").DemandElasticity.Should().Be(1.2);
        scenario.Sector("footwear").DemandElasticity.Should().Be(1.5);
    }

    [Fact]
    public void A_trade_line_is_addressed_by_its_position_from_zero()
    {
        var scenario = Document.Load([Set("trade[1].value", "200")]);

        scenario.Trade[0].Value.Should().Be(60);
        scenario.Trade[1].Value.Should().Be(200);
    }

    [Fact]
    public void A_varied_tariff_is_still_checked_against_the_issues_that_start_from_it()
    {
        // The footwear issue runs from 18, the status quo of trade[1]; a tariff of 10 there contradicts it.
        var error = Document.Invoking(d => d.Load([Set("trade[1].tariff", "10")]))
            .Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which;

        error.Path.Should().Be("negotiations[0].issues[1].from");
        error.Message.Should().Contain("must equal the tariff of trade[1]");
    }

    [Fact]
    public void A_negotiation_is_addressed_by_its_id_or_its_position()
    {
        Document.Load([Set("negotiations[CAN-IDN].rounds", "12")]).Negotiation("CAN-IDN").Rounds.Should().Be(12);
        Document.Load([Set("negotiations[0].rounds", "7")]).Negotiation("CAN-IDN").Rounds.Should().Be(7);
    }

    [Fact]
    public void A_strategy_written_as_a_preset_is_addressable_as_its_parameters()
    {
        // CAN plays boulware: time-dependent with e = 0.2, k = 0 (DESIGN §4.4); setting e keeps k and the type.
        var strategy = Document.Load([Set("countries.CAN.strategy.e", "0.5")]).Country("CAN").Strategy;

        strategy.Bidding.Type.Should().Be("time-dependent");
        strategy.Bidding["e"].Should().Be(0.5);
        strategy.Bidding["k"].Should().Be(0);
        strategy.Preset.Should().BeNull(because: "with e = 0.5 it is no longer boulware");
    }

    [Fact]
    public void A_country_without_a_strategy_is_addressable_as_the_default_linear_strategy()
    {
        // IDN has no strategy, so it plays linear (e = 1); k can be set and e stays 1.
        var strategy = Document.Load([Set("countries.IDN.strategy.k", "0.1")]).Country("IDN").Strategy;

        strategy.Bidding.Type.Should().Be("time-dependent");
        strategy.Bidding["e"].Should().Be(1);
        strategy.Bidding["k"].Should().Be(0.1);
    }

    [Fact]
    public void A_preset_in_a_negotiation_strategy_override_is_addressable_too()
    {
        // IDN plays conceder (e = 2) at CAN-IDN.
        var strategy = Document.Load([Set("negotiations[CAN-IDN].strategies.IDN.e", "3")]).Negotiation("CAN-IDN").Strategies["IDN"];

        strategy.Bidding["e"].Should().Be(3);
    }

    [Fact]
    public void A_whole_strategy_can_be_replaced_by_another_preset()
    {
        Document.Load([Set("countries.CAN.strategy", "conceder")]).Country("CAN").Strategy.Preset.Should().Be("conceder");
    }

    [Fact]
    public void Setting_values_leaves_the_document_as_it_was_for_the_next_run()
    {
        var document = Document;
        document.Load([Set("trade[0].value", "1"), Set("countries.CAN.strategy.e", "1.5")]);

        var again = document.Load([]);
        again.Trade[0].Value.Should().Be(60);
        again.Country("CAN").Strategy.Preset.Should().Be("boulware");
    }

    [Theory]
    [InlineData("countries.USA.strategy.e", "countries has no key 'USA' (it has: CAN, IDN, ROW)")]
    [InlineData("trade[5].tariff", "trade has 2 items, so there is no [5] (positions count from 0)")]
    [InlineData("negotiations[CAN-USA].rounds", "negotiations has no item with id 'CAN-USA' (ids: CAN-IDN)")]
    [InlineData("countries.CAN.name.first", "countries.CAN.name is 'Canada', which has no key 'first'")]
    [InlineData("sectors[0].supply_elasticity", "sectors is a mapping, which has no list items")]
    [InlineData("secotrs.canola_oil.supply_elasticity", "the scenario has no key 'secotrs' (it has: name, seed, sectors, countries, trade, negotiations); did you mean 'sectors'?")]
    [InlineData("countries.CAN.strategy.e.x", "countries.CAN.strategy.e is '0.2', which has no key 'x'")]
    public void A_path_that_leads_nowhere_is_named_with_what_is_there(string path, string expected)
    {
        Document.Problem(ScenarioPath.Parse(path)).Should().Be(expected);

        var error = Document.Invoking(d => d.Load([Set(path, "1")])).Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which;
        error.Path.Should().Be(path);
        error.Message.Should().Be(expected);
    }

    [Fact]
    public void A_value_of_the_wrong_type_gets_the_loaders_error_at_the_line_of_the_value_it_replaced()
    {
        var errors = Document.Invoking(d => d.Load([Set("sectors.canola_oil.supply_elasticity", "abc"), Set("countries.CAN.strategy.e", "-1")]))
            .Should().Throw<InvalidInputException>().Which.Errors;

        errors.Should().HaveCount(2, because: "both values are wrong and every error is reported at once");
        errors[0].Should().Match<InputError>(e => e.File == FileName && e.Line == 4 && e.Path == "sectors.canola_oil.supply_elasticity");
        errors[0].Message.Should().Contain("'abc'");
        errors[1].Should().Match<InputError>(e => e.Line == 7 && e.Path == "countries.CAN.strategy.e");
        errors[1].Message.Should().Contain("-1");
    }

    [Fact]
    public void A_misspelt_last_key_is_added_and_refused_by_the_loader_with_a_suggestion()
    {
        var error = Document.Invoking(d => d.Load([Set("sectors.canola_oil.supply_elastcity", "2")]))
            .Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which;

        error.Path.Should().Be("sectors.canola_oil.supply_elastcity");
        error.Message.Should().Contain("did you mean 'supply_elasticity'?");
    }
}
