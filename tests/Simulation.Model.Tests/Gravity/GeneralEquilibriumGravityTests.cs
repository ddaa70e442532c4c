using Simulation.Model.Gravity;
using Simulation.Model.Input;

namespace Simulation.Model.Tests.Gravity;

/// <summary>
/// Cases whose answers follow from the model's equations by hand (see each test), independent of Stata.
/// </summary>
public sealed class GeneralEquilibriumGravityTests
{
    private const double Theta = 4;

    public static TheoryData<TradeImbalances> Modes => new() { TradeImbalances.Additive, TradeImbalances.Multiplicative };

    /// <summary>
    /// Three countries with unbalanced trade: D = E − Y is +7 for A, −5 for B, −2 for C.
    /// </summary>
    private static List<GravityFlow> Unbalanced(double betaAB = 0.3, double betaCA = -0.2) =>
    [
        new("A", "A", 50, 0), new("A", "B", 10, betaAB), new("A", "C", 5, 0),
        new("B", "A", 20, betaAB), new("B", "B", 80, 0), new("B", "C", 10, 0),
        new("C", "A", 2, betaCA), new("C", "B", 15, 0), new("C", "C", 30, 0),
    ];

    [Theory]
    [MemberData(nameof(Modes))]
    public void Without_a_partial_effect_nothing_changes(TradeImbalances mode)
    {
        // β = 0 ⇒ ŵ = P̂ = 1 solves eqs. 3–5 (Σ_j π_ij E_j = Y_i), so flows stay and welfare is 1; the first
        // iteration reproduces the baseline exactly and stops.
        var result = GeneralEquilibriumGravity.Solve(Unbalanced(0, 0), Theta, mode);

        result.Converged.Should().BeTrue();
        result.Iterations.Should().Be(1);
        result.Countries.Should().OnlyContain(c => Math.Abs(c.Welfare - 1) < 1e-14);
        result.Flows.Should().OnlyContain(f => Math.Abs(f.After - f.Before) <= 1e-12 * f.Before);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Symmetric_two_country_case_matches_the_closed_form(TradeImbalances mode)
    {
        // X_11 = X_22 = 3, X_12 = X_21 = 1, β_12 = β_21 = ln 2. By symmetry ŵ_1 = ŵ_2, and the numeraire makes
        // them 1; trade is balanced, so E′ = E in either mode. With domestic share λ = 3/4,
        // P̂^(−θ) = λ + (1 − λ)·e^β = 3/4 + 1/4·2 = 5/4, so welfare = 1/P̂ = (5/4)^(1/θ),
        // X′_11 = π_11·E/P̂^(−θ) = 3/(5/4) = 2.4 and X′_12 = π_12·e^β·E/P̂^(−θ) = 2/(5/4) = 1.6.
        // Check, ACR: welfare = (λ′/λ)^(−1/θ) = (0.6/0.75)^(−1/4) = (5/4)^(1/4).
        var beta = Math.Log(2);
        List<GravityFlow> flows =
        [
            new("X", "X", 3, 0), new("X", "Y", 1, beta),
            new("Y", "X", 1, beta), new("Y", "Y", 3, 0),
        ];

        var result = GeneralEquilibriumGravity.Solve(flows, Theta, mode);

        result.Converged.Should().BeTrue();
        var expectedWelfare = Math.Pow(1.25, 1 / Theta); // 1.0573712634405641
        result.Countries.Should().HaveCount(2).And.OnlyContain(c => Math.Abs(c.Welfare - expectedWelfare) < 1e-9);
        result.Flows.Should().BeEquivalentTo(new[]
        {
            new { Exporter = "X", Importer = "X", Before = 3.0, After = 2.4 },
            new { Exporter = "X", Importer = "Y", Before = 1.0, After = 1.6 },
            new { Exporter = "Y", Importer = "X", Before = 1.0, After = 1.6 },
            new { Exporter = "Y", Importer = "Y", Before = 3.0, After = 2.4 },
        }, o => o.Using<double>(c => c.Subject.Should().BeApproximately(c.Expectation, 1e-8)).WhenTypeIs<double>());
    }

    [Fact]
    public void Additive_imbalances_keep_each_deficit_as_an_amount()
    {
        // E′_j − Y′_j = (Y_j·ŵ_j + D_j) − Y_j·ŵ_j = D_j, with Y′ the row sums (market clearing) and E′ the column sums.
        var result = GeneralEquilibriumGravity.Solve(Unbalanced(), Theta, TradeImbalances.Additive);

        result.Converged.Should().BeTrue();
        foreach (var country in new[] { "A", "B", "C" })
        {
            var (before, after) = Deficit(result, country);
            after.Should().BeApproximately(before, 1e-6, "the deficit of {0} is held fixed", country);
        }
        Deficit(result, "A").Before.Should().Be(7);
    }

    [Fact]
    public void Multiplicative_imbalances_scale_every_expenditure_to_output_ratio_by_one_common_factor()
    {
        // E′_j = E_j·ŵ_j, while the sales of j come to Y_j·ŵ_j/k with one k for all countries (see the remarks on
        // GeneralEquilibriumGravity: ge_gravity's multiplicative imbalances do not keep Walras' law), so
        // (E′_j/Y′_j)/(E_j/Y_j) = k for every j. Here k differs visibly from 1 because D is large relative to trade.
        var result = GeneralEquilibriumGravity.Solve(Unbalanced(), Theta, TradeImbalances.Multiplicative);

        result.Converged.Should().BeTrue();
        var factors = new[] { "A", "B", "C" }.Select(country =>
        {
            var (outputBefore, expenditureBefore, outputAfter, expenditureAfter) = Totals(result, country);
            return expenditureAfter / outputAfter / (expenditureBefore / outputBefore);
        }).ToList();
        factors.Should().OnlyContain(k => Math.Abs(k - factors[0]) < 1e-7);
        factors[0].Should().NotBeApproximately(1, 1e-5);
    }

    [Fact]
    public void Additive_imbalances_keep_world_output_as_the_numeraire()
    {
        // Σ_i Y_i·ŵ_i = Σ_i Y_i (step 1.5), and with additive imbalances markets clear exactly, so the new flows sum
        // to the old world total.
        var result = GeneralEquilibriumGravity.Solve(Unbalanced(), Theta, TradeImbalances.Additive);

        result.Flows.Sum(f => f.After).Should().BeApproximately(result.Flows.Sum(f => f.Before), 1e-6);
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Welfare_follows_the_domestic_share_formula(TradeImbalances mode)
    {
        // From X′_ii/E′_i = π_ii·ŵ_i^(−θ)/P̂_i^(−θ), the real wage is ŵ_i/P̂_i = (λ′_ii/λ_ii)^(−1/θ) (Arkolakis,
        // Costinot & Rodríguez-Clare 2012), λ = domestic share of expenditure. With multiplicative imbalances
        // welfare is that real wage. With additive ones welfare is Ê_i/P̂_i = (Ê_i/ŵ_i)·(λ′_ii/λ_ii)^(−1/θ), where
        // ŵ_i = Y′_i/Y_i because markets clear. All terms come from the flows, so this checks welfare against them.
        var result = GeneralEquilibriumGravity.Solve(Unbalanced(), Theta, mode);

        result.Converged.Should().BeTrue();
        foreach (var country in result.Countries)
        {
            var (outputBefore, expenditureBefore, outputAfter, expenditureAfter) = Totals(result, country.Id);
            var domestic = result.Flows.Single(f => f.Exporter == country.Id && f.Importer == country.Id);
            var realWage = Math.Pow(domestic.After / expenditureAfter / (domestic.Before / expenditureBefore), -1 / Theta);
            var expected = mode == TradeImbalances.Multiplicative
                ? realWage
                : expenditureAfter / expenditureBefore / (outputAfter / outputBefore) * realWage;
            country.Welfare.Should().BeApproximately(expected, 1e-8, "welfare of {0}", country.Id);
        }
        // A and B trade more cheaply with each other; both gain.
        result.Countries.Where(c => c.Id is "A" or "B").Should().OnlyContain(c => c.Welfare > 1);
    }

    [Fact]
    public void The_default_imbalance_treatment_is_additive_as_in_ge_gravity()
    {
        GeneralEquilibriumGravity.DefaultImbalances.Should().Be(TradeImbalances.Additive);
        var byDefault = GeneralEquilibriumGravity.Solve(Unbalanced());

        byDefault.Imbalances.Should().Be(TradeImbalances.Additive);
        byDefault.Theta.Should().Be(4);
        byDefault.Countries.Should().Equal(GeneralEquilibriumGravity.Solve(Unbalanced(), 4, TradeImbalances.Additive).Countries);
        byDefault.Countries.Should().NotEqual(GeneralEquilibriumGravity.Solve(Unbalanced(), 4, TradeImbalances.Multiplicative).Countries);
    }

    [Fact]
    public void Hitting_the_iteration_cap_is_reported_not_hidden()
    {
        var result = GeneralEquilibriumGravity.Solve(Unbalanced(), Theta, TradeImbalances.Additive, tolerance: 1e-8, maxIterations: 3);

        result.Converged.Should().BeFalse();
        result.Iterations.Should().Be(3);
        result.MaxLogChange.Should().BeGreaterThan(1e-8);
    }

    [Fact]
    public void Results_are_ordered_by_country_then_partner()
    {
        var shuffled = Unbalanced().OrderByDescending(f => f.Importer).ThenBy(f => f.Exporter).ToList();

        var result = GeneralEquilibriumGravity.Solve(shuffled);

        result.Countries.Select(c => c.Id).Should().Equal("A", "B", "C");
        result.Flows.Select(f => $"{f.Exporter}{f.Importer}").Should().Equal("AA", "AB", "AC", "BA", "BB", "BC", "CA", "CB", "CC");
    }

    [Fact]
    public void An_incomplete_matrix_is_refused_with_every_problem()
    {
        var flows = Unbalanced();
        flows.RemoveAll(f => f is { Exporter: "C", Importer: "A" });
        flows[0] = flows[0] with { Trade = 0 };
        flows.Add(flows[1]);

        var act = () => GeneralEquilibriumGravity.Solve(flows);

        act.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.Path)
            .Should().BeEquivalentTo("flows[0].trade", "flows[8]", "C→A");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-4)]
    [InlineData(double.NaN)]
    public void Theta_must_be_positive(double theta)
    {
        var act = () => GeneralEquilibriumGravity.Solve(Unbalanced(), theta);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("theta");
    }

    [Fact]
    public void Additive_imbalances_that_drive_expenditure_negative_are_an_error_not_a_result()
    {
        // S runs a surplus of 90 (Y = 100, E = 10) almost all from exports to T, which the partial effect closes
        // (β = −30). S can then sell only at home, so Y′_S ≤ E′_S = Y′_S − 90: no equilibrium with additive
        // imbalances. Multiplicative imbalances scale the surplus down with output and do have one.
        List<GravityFlow> flows =
        [
            new("S", "S", 5, 0), new("S", "T", 95, -30),
            new("T", "S", 5, 0), new("T", "T", 100, 0),
        ];

        var additive = () => GeneralEquilibriumGravity.Solve(flows, Theta, TradeImbalances.Additive);
        additive.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { Path = "S" });

        GeneralEquilibriumGravity.Solve(flows, Theta, TradeImbalances.Multiplicative).Converged.Should().BeTrue();
    }

    private static (double Before, double After) Deficit(GravityResult result, string country)
    {
        var (outputBefore, expenditureBefore, outputAfter, expenditureAfter) = Totals(result, country);
        return (expenditureBefore - outputBefore, expenditureAfter - outputAfter);
    }

    private static (double OutputBefore, double ExpenditureBefore, double OutputAfter, double ExpenditureAfter) Totals(
        GravityResult result, string country)
    {
        var sales = result.Flows.Where(f => f.Exporter == country).ToList();
        var purchases = result.Flows.Where(f => f.Importer == country).ToList();
        return (sales.Sum(f => f.Before), purchases.Sum(f => f.Before), sales.Sum(f => f.After), purchases.Sum(f => f.After));
    }
}
