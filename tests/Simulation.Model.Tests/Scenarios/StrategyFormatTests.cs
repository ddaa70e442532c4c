using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>The <c>strategy:</c> format (DESIGN §4.4, §6.1): presets, maps of components, and what the loader refuses.</summary>
public sealed class StrategyFormatTests
{
    private static Scenario Load(string text) => ScenarioLoader.Parse(text, "test.yaml");

    private static IReadOnlyList<InputError> ErrorsOf(string text) =>
        FluentActions.Invoking(() => Load(text)).Should().Throw<InvalidInputException>().Which.Errors;

    [Fact]
    public void A_map_names_the_bidding_strategy_its_parameters_the_acceptance_condition_and_the_opponent_model()
    {
        var scenario = Load(With(
            (6, "  CAN: { name: Canada, strategy: { type: tit-for-tat, acceptance: { type: constant, alpha: 0.8 }, opponent_model: frequency } }"),
            (7, "  IDN: { name: Indonesia, strategy: { type: time-dependent, k: 0.1, acceptance: next, opponent_model: none } }")));

        scenario.Country("CAN").Strategy.Should().Be(new StrategySpec(
            new ComponentSettings("tit-for-tat"), new ComponentSettings("constant", [new("alpha", 0.8)]), "frequency"));
        // e takes its declared default, 1.
        scenario.Country("IDN").Strategy.Should().Be(StrategySpec.TimeDependent(1, 0.1) with { OpponentModel = "none" });
        scenario.Country("IDN").Strategy.Label.Should().Be("time-dependent(e=1, k=0.1), opponent model none");
        scenario.Country("CAN").Strategy.Label.Should().Be("tit-for-tat, acceptance constant(alpha=0.8), opponent model frequency");
    }

    [Theory]
    [InlineData("boulware", "time-dependent", 0.2)]
    [InlineData("linear", "time-dependent", 1.0)]
    [InlineData("conceder", "time-dependent", 2.0)]
    [InlineData("hardliner", "time-dependent", 0.0)]
    [InlineData("tit-for-tat", "tit-for-tat", null)]
    [InlineData("backward-induction", "backward-induction", null)]
    [InlineData("random", "random", null)]
    public void Presets_name_combinations(string preset, string bidding, double? e)
    {
        var strategy = Load(WithLine(6, $"  CAN: {{ name: Canada, strategy: {preset} }}")).Country("CAN").Strategy;

        strategy.Bidding.Type.Should().Be(bidding);
        if (e is { } exponent)
        {
            strategy.Bidding["e"].Should().Be(exponent);
        }

        strategy.Acceptance.Type.Should().Be("next");
        strategy.OpponentModel.Should().Be("economic");
        strategy.Label.Should().Be(preset);
    }

    [Fact]
    public void A_country_without_a_strategy_plays_linear() =>
        Load(Base).Country("CAN").Strategy.Should().Be(StrategySpec.Presets["linear"].Strategy);

    [Fact]
    public void Backward_induction_is_refused_at_a_table_of_more_than_two()
    {
        // Three parties: the protocol's own arity error comes too (alternating offers is for two);
        // the strategy's error names the party, its strategy and the size of the table.
        var errors = ErrorsOf(With(
            (8, "  ROW: { negotiates: true, strategy: backward-induction }"),
            (14, "    parties: [CAN, IDN, ROW]\n    strategies: { CAN: { type: backward-induction } }")));

        errors.Should().Contain(e => e.Path == "negotiations[0].strategies.CAN"
            && e.Message == "backward-induction takes at most 2 parties; this negotiation has 3");
        errors.Should().Contain(e => e.Path == "negotiations[0].parties"
            && e.Message.StartsWith("ROW plays backward-induction (countries.ROW.strategy), which takes at most 2 parties; this negotiation has 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_registered_component_composes_a_negotiator_from_its_defaults()
    {
        // Adding a component is a class and a registry line: each must compose and decide without other changes.
        var space = OutcomeSpace.Separable(3, 2);
        var a = new AdditiveValueFunction(space, [[0, 1, 2], [0, 1]]);
        var b = new AdditiveValueFunction(space, [[2, 1, 0], [1, 0]]);
        var view = new NegotiationView("A", new NegotiatorPreferences(a), 1, [new OpponentView("B", b, new NegotiatorPreferences(b))]);
        foreach (var bidding in BiddingStrategies.Registry.Entries)
        {
            foreach (var model in OpponentModels.Registry.Entries)
            {
                var strategy = StrategySpec.Of(bidding.Name) with { OpponentModel = model.Name };
                var negotiator = strategy.Compose(view);
                negotiator.Decide(new TurnContext(1, 10, Outcome.Of(1, 0), "B"), new Random(1))
                    .Should().Match<NegotiationAction>(act => act is Offer || act is Accept, "{0} with {1}", bidding.Name, model.Name);
            }
        }
    }
}
