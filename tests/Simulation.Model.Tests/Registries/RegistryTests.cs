using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Negotiation;
using Simulation.Model.Registries;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Tests.Registries;

/// <summary>
/// <see cref="Registry{TEntry}"/>, the one shape every named part is found in: by name (ordinal),
/// by position, in declaration order, with a default where a scenario may name none.
/// </summary>
public sealed class RegistryTests
{
    private sealed record Part(string Name, string Description) : IRegistryEntry
    {
        public IReadOnlyList<EntryParameter> Parameters => [];
    }

    private static readonly Registry<Part> s_fruit = new("fruit", [new("apple", "red"), new("pear", "green"), new("plum", "purple")], "pear");

    [Fact]
    public void Entries_are_found_by_name_and_position_in_declaration_order()
    {
        s_fruit.Names.Should().Equal("apple", "pear", "plum");
        s_fruit["plum"].Description.Should().Be("purple");
        s_fruit.OrdinalOf("pear").Should().Be(1);
        s_fruit.OrdinalOf("fig").Should().Be(-1);
        s_fruit.Find("Apple").Should().BeNull("names are compared ordinally, case included");
        s_fruit.Default!.Name.Should().Be("pear");
    }

    [Fact]
    public void An_unknown_name_is_an_error_that_lists_the_known_ones()
    {
        FluentActions.Invoking(() => s_fruit["fig"]).Should().Throw<ArgumentException>()
            .WithMessage("fruit 'fig' is unknown (available: apple, pear, plum)*");
    }

    [Fact]
    public void A_repeated_name_a_missing_description_and_an_unknown_default_are_refused()
    {
        FluentActions.Invoking(() => new Registry<Part>("fruit", [new("apple", "red"), new("apple", "green")])).Should().Throw<ArgumentException>()
            .WithMessage("*'apple' is empty or repeated*");
        FluentActions.Invoking(() => new Registry<Part>("fruit", [new("apple", "red\nand round")])).Should().Throw<ArgumentException>()
            .WithMessage("*one-line description*");
        FluentActions.Invoking(() => new Registry<Part>("fruit", [new("apple", "red")], "fig")).Should().Throw<ArgumentException>()
            .WithMessage("fruit 'fig' is unknown*");
    }

    [Fact]
    public void The_shipped_registries_hold_the_parts_of_the_design_in_order_with_their_defaults()
    {
        // DESIGN §3.2, §3.3, §4.3, §4.4, §5.1.
        Protocols.Registry.Names.Should().Equal("alternating-offers", "stacked-alternating-offers", "single-text");
        Protocols.Registry.Default!.Name.Should().Be("alternating-offers");
        MarketModels.Registry.Names.Should().Equal("gsim", "ces", "smart");
        MarketModels.Registry.Default.Should().BeSameAs(GsimMarketModel.Instance);
        GovernmentObjectives.Registry.Names.Should().Equal("mercantilist", "welfare", "political");
        GovernmentObjectives.Registry.Default.Should().BeSameAs(MercantilistObjective.Instance);
        StrategySpec.Presets.Names.Should().Equal("boulware", "linear", "conceder", "hardliner", "tit-for-tat", "backward-induction", "random");
        StrategySpec.Presets.Default!.Name.Should().Be("linear");
        BiddingStrategies.Registry.Names.Should().Equal("time-dependent", "tit-for-tat", "backward-induction", "random");
        BiddingStrategies.Registry.Default.Should().BeNull("a strategy map must name its bidding strategy");
        AcceptanceConditions.Registry.Default!.Name.Should().Be("next");
        OpponentModels.Registry.Default!.Name.Should().Be("economic");
        EventTypes.Registry.Names.Should().Equal("terminate", "set-tariff", "start", "set-strategy", "set-weights");
    }

    [Fact]
    public void Each_preset_stands_for_its_strategy_and_carries_its_name()
    {
        // The time-dependent presets' exponents (DESIGN §4.4): Boulware 0.2, linear 1, Conceder 2, hardliner 0.
        StrategySpec.Presets.Entries.Where(p => p.Strategy.Bidding.Type == TimeDependentBidding.Name)
            .Select(p => (p.Name, p.Strategy.Bidding["e"])).Should().Equal(("boulware", 0.2), ("linear", 1.0), ("conceder", 2.0), ("hardliner", 0.0));
        StrategySpec.Presets.Entries.Should().OnlyContain(p => p.Strategy.Preset == p.Name && p.Strategy.Label == p.Name);
    }

    [Fact]
    public void A_scenario_holds_the_registered_model_and_objective_it_names_and_outcomes_write_their_names()
    {
        var scenario = ScenarioLoader.Parse("name: x\nmodel: smart\ncountries:\n  CAN: { objective: welfare }\n", "x.yaml");

        scenario.Model.Should().BeSameAs(SmartMarketModel.Instance);
        scenario.Model.Name.Should().Be("smart");
        scenario.Country("CAN").Objective.Should().BeSameAs(WelfareObjective.Instance);
        scenario.Country("CAN").Objective.Name.Should().Be("welfare");
    }
}
