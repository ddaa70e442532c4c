using Simulation.Model.Economics;
using Simulation.Model.Genius;
using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Genius;

/// <summary>
/// Real GENIUS domains read as GENIUS reads them: integer and real issues, a weight on the root
/// objective, a discount factor of 0, evaluations all (nearly) 0, weights above 1 and labels GENIUS
/// accepts. Every expected utility is worked by hand from GENIUS's formulas: EvaluatorInteger
/// clip(slope·(v − lower) + offset), EvaluatorReal linear clip(p1·x + p0), EvaluatorDiscrete e / max
/// (0 when max &lt; 1e-5), summed with the issue weights (AdditiveUtilitySpace.getUtility).
/// </summary>
public sealed class GeniusSemanticsTests : IDisposable
{
    /// <summary>67 characters, with "; ", "=", a comma and double quotes: a label the offer text must quote.</summary>
    private const string LongValue = "Take over all shares; keep the staff = two years, \"as agreed\" by al";

    /// <summary>
    /// Domain "Gym": the root objective is index 1 (as in ANAC 2012's Fitness), its issues 2–4:
    /// Sessions, an integer issue 1..4; Hours, a real issue 0..10; Kit, discrete (none, the long value, "towel ").
    /// </summary>
    private const string Domain = $"""
        <negotiation_template>
        <utility_space number_of_issues="3">
        <objective index="1" description="" name="Gym" type="objective" etype="objective">
        <issue index="2" name="Sessions" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="4"></issue>
        <issue index="3" name="Hours" type="real" etype="real" vtype="real"><range lowerbound="0" upperbound="10"></range></issue>
        <issue index="4" name="Kit" type="discrete" etype="discrete" vtype="discrete">
        <item index="1" value="none"></item>
        <item index="2" value="{Escaped}"></item>
        <item index="3" value="towel "></item>
        </issue>
        </objective>
        </utility_space>
        </negotiation_template>
        """;

    private const string Escaped = "Take over all shares; keep the staff = two years, &quot;as agreed&quot; by al";

    /// <summary>
    /// A: Sessions slope 0.5 offset 0 (evaluations 0, 0.5, 1, 1: 1.5 is clipped), weight 0.5;
    /// Hours p0 = 1, p1 = −0.1 (1 at 0 hours, 0 at 10), weight 0.3; Kit 0, 2, 4 (0, 0.5, 1), weight
    /// 0.2; 0.9 on the root objective, which GENIUS ignores; discount factor 0, which GENIUS discards.
    /// </summary>
    private const string ProfileA = $"""
        <utility_space>
        <objective index="1" description="" name="Gym" type="objective" etype="objective">
        <issue index="2" name="Sessions" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="4">
        <evaluator ftype="linear" slope="0.5" offset="0"></evaluator>
        </issue>
        <issue index="3" name="Hours" type="real" etype="real" vtype="real">
        <range lowerbound="0" upperbound="10"></range>
        <evaluator ftype="linear" parameter0="1" parameter1="-0.1"></evaluator>
        </issue>
        <issue index="4" name="Kit" type="discrete" etype="discrete" vtype="discrete">
        <item index="1" value="none" evaluation="0"></item>
        <item index="2" value="{Escaped}" evaluation="2"></item>
        <item index="3" value="towel " evaluation="4"></item>
        </issue>
        <weight index="1" value="0.9"></weight>
        <weight index="2" value="0.5"></weight>
        <weight index="3" value="0.3"></weight>
        <weight index="4" value="0.2"></weight>
        </objective>
        <discount_factor value="0"></discount_factor>
        <reservation value="0.1"></reservation>
        </utility_space>
        """;

    /// <summary>
    /// B: Sessions slope −0.25 offset 1 (1, 0.75, 0.5, 0.25), weight 0.6; Hours p0 = 0, p1 = 0.1,
    /// weight 0.5; Kit 0.000009, 0, 0.000001, whose largest is below 1e-5, so 0 throughout, weight
    /// 0.2. The weights sum to 1.3 and the best outcome is worth 0.6 + 0.5 = 1.1.
    /// </summary>
    private const string ProfileB = $"""
        <utility_space>
        <objective index="1" description="" name="Gym" type="objective" etype="objective">
        <issue index="2" name="Sessions" type="integer" etype="integer" vtype="integer" lowerbound="1" upperbound="4">
        <evaluator ftype="linear" slope="-0.25" offset="1"></evaluator>
        </issue>
        <issue index="3" name="Hours" type="real" etype="real" vtype="real">
        <range lowerbound="0" upperbound="10"></range>
        <evaluator ftype="linear" parameter0="0" parameter1="0.1"></evaluator>
        </issue>
        <issue index="4" name="Kit" type="discrete" etype="discrete" vtype="discrete">
        <item index="1" value="none" evaluation="0.000009"></item>
        <item index="2" value="{Escaped}" evaluation="0"></item>
        <item index="3" value="towel " evaluation="0.000001"></item>
        </issue>
        <weight index="2" value="0.6"></weight>
        <weight index="3" value="0.5"></weight>
        <weight index="4" value="0.2"></weight>
        </objective>
        </utility_space>
        """;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-genius-semantics-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public void Integer_real_and_discrete_issues_give_GENIUS_utilities_worked_by_hand()
    {
        var (a, b) = Preferences(out _);

        // A (Sessions 3, Hours 5, "towel "): 0.5 · clip(0.5 · 2) + 0.3 · (1 − 0.1 · 5) + 0.2 · 4/4 = 0.5 + 0.15 + 0.2 = 0.85.
        a.Utility(Outcome.Of(2, 5, 2)).Should().BeApproximately(0.85, 1e-12);
        // A (Sessions 4, Hours 0, the long value): 0.5 · clip(1.5) = 0.5, + 0.3 · 1 + 0.2 · 2/4 = 0.9.
        a.Utility(Outcome.Of(3, 0, 1)).Should().BeApproximately(0.9, 1e-12);
        // A (Sessions 1, Hours 10, none): 0 + 0 + 0 = 0.
        a.Utility(Outcome.Of(0, 10, 0)).Should().BeApproximately(0, 1e-12);
        // B (Sessions 2, Hours 4, "towel "): 0.6 · (1 − 0.25) + 0.5 · 0.4 + 0.2 · 0 = 0.45 + 0.2 = 0.65.
        b.Utility(Outcome.Of(1, 4, 2)).Should().BeApproximately(0.65, 1e-12);
        // B's Kit is worth nothing whatever the value (largest evaluation 0.000009 < 1e-5).
        b.Utility(Outcome.Of(1, 4, 0)).Should().BeApproximately(0.65, 1e-12);
        b.Utility(Outcome.Of(1, 4, 1)).Should().BeApproximately(0.65, 1e-12);
    }

    [Fact]
    public void A_real_issue_becomes_eleven_evenly_spaced_points_and_the_import_says_so()
    {
        var imported = Import();

        imported.Issues.Select(i => i.Name).Should().Equal("Sessions", "Hours", "Kit");
        imported.Issues[0].Values.Should().Equal("1", "2", "3", "4");
        imported.Issues[1].Values.Should().Equal("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
        imported.Warnings.Should().Contain("real issue 'Hours' (from 0 to 10) is discretised into the 11 points 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
        GeniusScenarioYaml.Write(imported, Path.Combine(scratch, "gym.xml"))
            .Should().Contain("# Note: real issue 'Hours' (from 0 to 10) is discretised into the 11 points");
    }

    [Fact]
    public void Weights_above_1_cap_the_utility_at_1_as_GENIUS_does()
    {
        var (a, b) = Preferences(out _);

        // B (Sessions 1, Hours 10, none): 0.6 · 1 + 0.5 · 1 + 0 = 1.1, capped at 1; (Sessions 1, Hours 8): 0.6 + 0.4 = 1;
        // (Sessions 2, Hours 10): 0.45 + 0.5 = 0.95, below the cap.
        b.Utility(Outcome.Of(0, 10, 0)).Should().Be(1);
        b.Utility(Outcome.Of(0, 8, 0)).Should().BeApproximately(1, 1e-12);
        b.Utility(Outcome.Of(1, 10, 0)).Should().BeApproximately(0.95, 1e-12);
        b.MaxUtility.Should().Be(1);
        // A's best is 0.5 + 0.3 + 0.2 = 1: no cap is written for it.
        a.IsCapped.Should().BeFalse();
        GeniusScenarioYaml.Write(Import(), Path.Combine(scratch, "gym.xml")).Should().Contain("  gymB: { name: \"gymB\", utility_cap: 1 }\n")
            .And.Contain("  gymA: { name: \"gymA\", reservation: 0.1 }\n");
    }

    [Fact]
    public void A_discount_factor_of_0_is_no_discount_and_weights_above_1_are_reported()
    {
        var imported = Import();

        // AbstractUtilitySpace.validateDiscount: d ≤ 0 or d > 1 becomes 1 (none).
        imported.Parties.Select(p => (p.Id, p.Discount, p.Reservation)).Should().Equal(("gymA", (double?)null, (double?)0.1), ("gymB", (double?)null, (double?)null));
        imported.Warnings.Should().Contain("gymA.xml: discount factor 0 is outside (0, 1], so, as in GENIUS, there is no discounting");
        // B: 0.6 + 0.5 + 0.2 = 1.3; best outcome 0.6 · 1 + 0.5 · 1 + 0 = 1.1.
        imported.Warnings.Should().ContainSingle(w => w.StartsWith("gymB.xml: the weights sum to 1.3", StringComparison.Ordinal))
            .Which.Should().Contain("the best outcome is worth 1.1");
    }

    [Fact]
    public void Labels_GENIUS_accepts_are_kept_as_they_are()
    {
        LongValue.Length.Should().Be(67);
        Preferences(out var agenda);

        agenda.Describe(Outcome.Of(0, 0, 1)).Last().Should().Be(new DiscreteDescription("Kit", LongValue));
        agenda.Describe(Outcome.Of(0, 0, 2)).Last().Should().Be(new DiscreteDescription("Kit", "towel "));
    }

    [Fact]
    public void An_empty_value_GENIUS_accepts_is_kept_and_quoted_where_printed()
    {
        var domain = GeniusFiles.Write(scratch, "office.xml", GeniusFiles.Domain.Replace("value=\"4 weeks\"", "value=\"\"", StringComparison.Ordinal));
        var buyer = GeniusFiles.Write(scratch, "buyer.xml", GeniusFiles.Buyer.Replace("value=\"4 weeks\"", "value=\"\"", StringComparison.Ordinal));
        var seller = GeniusFiles.Write(scratch, "seller.xml", GeniusFiles.Seller.Replace("value=\"4 weeks\"", "value=\"\"", StringComparison.Ordinal));

        var imported = GeniusImport.Read(domain, [buyer, seller]);

        imported.Issues[1].Values.Should().Equal("1 week", "");
        ScenarioLoader.Parse(GeniusScenarioYaml.Write(imported, domain), "office.yaml").Negotiations.Should().ContainSingle();
        LabelText.Of("").Should().Be("\"\"");
    }

    [Fact]
    public void Issues_in_a_nested_objective_count_with_their_own_weights_and_the_objectives_weight_counts_for_nothing()
    {
        // Root "Trip" (0) holds Place (1) and the objective Stay (2), which holds Nights (3). Weights:
        // Place 0.6, Stay 0.9 (an objective: ignored), Nights 0.4 (given inside Stay). Evaluations
        // Place 1, 2 (0.5, 1); Nights 3, 6 (0.5, 1).
        const string Domain = """
            <negotiation_template><utility_space><objective index="0" name="Trip" type="objective">
            <issue index="1" name="Place" type="discrete"><item value="a"></item><item value="b"></item></issue>
            <objective index="2" name="Stay" type="objective">
            <issue index="3" name="Nights" type="discrete"><item value="one"></item><item value="two"></item></issue>
            </objective>
            </objective></utility_space></negotiation_template>
            """;
        const string Profile = """
            <utility_space><objective index="0" name="Trip" type="objective">
            <issue index="1" name="Place" type="discrete"><item value="a" evaluation="1"></item><item value="b" evaluation="2"></item></issue>
            <objective index="2" name="Stay" type="objective">
            <issue index="3" name="Nights" type="discrete"><item value="one" evaluation="3"></item><item value="two" evaluation="6"></item></issue>
            <weight index="3" value="0.4"></weight>
            </objective>
            <weight index="1" value="0.6"></weight>
            <weight index="2" value="0.9"></weight>
            </objective></utility_space>
            """;
        var domain = GeniusFiles.Write(scratch, "trip.xml", Domain);

        var imported = GeniusImport.Read(domain, [GeniusFiles.Write(scratch, "one.xml", Profile), GeniusFiles.Write(scratch, "two.xml", Profile)]);

        imported.Issues.Select(i => i.Name).Should().Equal("Place", "Nights");
        // (b, one): 0.6 · 2/2 + 0.4 · 3/6 = 0.6 + 0.2 = 0.8; (a, two): 0.6 · 1/2 + 0.4 · 1 = 0.7.
        imported.Issues[0].ValueByParty["one"].Should().Equal(0.3, 0.6);
        imported.Issues[1].ValueByParty["one"].Should().Equal(0.2, 0.4);
        imported.Parties.Should().OnlyContain(p => !p.Capped);
    }

    [Fact]
    public void A_profile_whose_weights_are_all_0_is_refused_with_the_reason()
    {
        var domain = GeniusFiles.Write(scratch, "gym.xml", Domain);
        var zero = GeniusFiles.Write(scratch, "zero.xml", ProfileB
            .Replace("value=\"0.6\"", "value=\"0\"", StringComparison.Ordinal)
            .Replace("value=\"0.5\"", "value=\"0\"", StringComparison.Ordinal)
            .Replace("value=\"0.2\"", "value=\"0\"", StringComparison.Ordinal));
        var a = GeniusFiles.Write(scratch, "gymA.xml", ProfileA);

        var errors = Errors(() => GeniusImport.Read(domain, [a, zero]));

        errors.Should().ContainSingle().Which.Should().Be(new InputError(zero, 2, 2, "",
            "every issue weight is 0, so GENIUS gives every outcome utility 0 to this party: it has nothing to negotiate over; give at least one issue a positive weight"));
    }

    [Theory]
    [InlineData(101, "1")]
    [InlineData(2, "1e308")]
    public void An_import_whose_scenario_would_not_validate_is_refused_before_anything_is_written(int issues, string weight)
    {
        // 101 issues: a negotiation takes at most 100; a weight of 1e308: a number in a scenario lies within ±1e9.
        var (domain, one, two) = GeniusFiles.WriteWide(scratch, issues, weight);
        var imported = GeniusImport.Read(domain, [one, two]);

        var errors = Errors(() => GeniusScenarioYaml.Write(imported, domain));

        errors.Should().NotBeEmpty().And.OnlyContain(e => e.File == domain
            && e.Message.StartsWith("the scenario made from these files would not validate, so nothing is written: ", StringComparison.Ordinal));
    }

    private GeniusScenario Import()
    {
        var domain = GeniusFiles.Write(scratch, "gym.xml", Domain);
        return GeniusImport.Read(domain, [GeniusFiles.Write(scratch, "gymA.xml", ProfileA), GeniusFiles.Write(scratch, "gymB.xml", ProfileB)]);
    }

    private (NegotiatorPreferences A, NegotiatorPreferences B) Preferences(out TariffAgenda agenda)
    {
        var imported = Import();
        var scenario = ScenarioLoader.Parse(GeniusScenarioYaml.Write(imported, Path.Combine(scratch, "gym.xml")), "gym.yaml");
        agenda = TariffAgenda.For(scenario.Negotiations.Single());
        var values = agenda.ValuesFor([scenario.Country("gymA"), scenario.Country("gymB")], World.FromScenario(scenario), scenario.Model);
        return (NegotiatorPreferences.InUtility(values[0], cap: scenario.Country("gymA").UtilityCap),
            NegotiatorPreferences.InUtility(values[1], cap: scenario.Country("gymB").UtilityCap));
    }

    private static IReadOnlyList<InputError> Errors(Action read)
    {
        var thrown = read.Should().Throw<InvalidInputException>().Which;
        return thrown.Errors;
    }
}
