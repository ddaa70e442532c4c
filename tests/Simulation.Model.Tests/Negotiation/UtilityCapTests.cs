using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// <c>utility_cap</c> in a utility scenario: u = min(cap, Σ numbers), as GENIUS's
/// AdditiveUtilitySpace.getUtility caps a linear-additive utility at 1. Worked by hand on one issue
/// of three values, AAA's numbers 1.2, 1.1, 0 (cap 1) and BBB's 0, 0.5, 1.
/// </summary>
public sealed class UtilityCapTests
{
    private const string Capped = """
        name: Cap
        units: utility
        countries:
          AAA: { utility_cap: 1 }
          BBB: {}
        negotiations:
          - id: deal
            parties: [AAA, BBB]
            issues:
              - { id: terms, values: [x, y, z], value: { AAA: [1.2, 1.1, 0], BBB: [0, 0.5, 1] } }
        """;

    [Fact]
    public void A_capped_party_values_every_outcome_at_most_the_cap()
    {
        var (scenario, agenda) = Load(Capped);
        var analysis = NegotiationAnalysis.InWorld(scenario, agenda, World.FromScenario(scenario), [0, 0], Outcome.Of(0));

        // AAA: x is worth min(1, 1.2) = 1, y min(1, 1.1) = 1, z 0; uncapped BBB: 0, 0.5, 1.
        analysis.Settlement.Should().Equal(1, 0);
        scenario.Country("AAA").UtilityCap.Should().Be(1);
        scenario.Country("BBB").UtilityCap.Should().BeNull();
    }

    [Fact]
    public void The_frontier_drops_a_point_the_cap_makes_dominated()
    {
        var (scenario, agenda) = Load(Capped);

        var analysis = NegotiationAnalysis.InWorld(scenario, agenda, World.FromScenario(scenario), [0, 0], null);

        // In the numbers all three values are Pareto-optimal (1.2 > 1.1 > 0 against 0 < 0.5 < 1); capped,
        // x (1, 0) is dominated by y (1, 0.5), so the frontier is y and z, and the most welfare is y's 1.5.
        analysis.FrontierPoints.Select(p => (p.Outcome[0], p.Utilities[0], p.Utilities[1])).Should().Equal((1, 1.0, 0.5), (2, 0.0, 1.0));
        // In utility units the gain is the utility, capped too: AAA's at y is 1, not 1.1.
        analysis.FrontierPoints[0].Gains.Should().Equal(1.0, 0.5);
        analysis.MaxSocialWelfare.Outcome[0].Should().Be(1);
    }

    [Fact]
    public void A_cap_that_is_not_positive_is_refused()
    {
        var zero = Capped.Replace("utility_cap: 1", "utility_cap: 0", StringComparison.Ordinal);

        var errors = ((Action)(() => ScenarioLoader.Parse(zero, "cap.yaml"))).Should().Throw<InvalidInputException>().Which.Errors;

        errors.Should().ContainSingle().Which.Message.Should().Contain("a utility > 0");
    }

    private static (Scenario Scenario, TariffAgenda Agenda) Load(string text)
    {
        var scenario = ScenarioLoader.Parse(text, "cap.yaml");
        return (scenario, TariffAgenda.For(scenario.Negotiations.Single()));
    }
}
