using CsCheck;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Negotiation;

public sealed class ConcessionCurveTests
{
    // τ(t) = Pmin + (Pmax − Pmin)(1 − F(t)), F(t) = t^(1/e) (k = 0), Pmin = 0.3, Pmax = 1, by hand:
    //   boulware  e = 0.2: 1/e = 5,  τ(½) = 1 − 0.7·0.5^5 = 1 − 0.7/32 = 0.978125
    //   linear    e = 1:   1/e = 1,  τ(½) = 1 − 0.7·0.5   = 0.65
    //   conceder  e = 2:   1/e = ½,  τ(½) = 1 − 0.7·√0.5  = 1 − 0.494974746830583 = 0.505025253169417
    //   hardliner e = 0:   F ≡ 0,    τ ≡ 1, even at t = 1
    // and for every e > 0: τ(0) = Pmax = 1, τ(1) = Pmin = 0.3.
    [Theory]
    [InlineData("boulware", 0.0, 1.0)]
    [InlineData("boulware", 0.5, 0.978125)]
    [InlineData("boulware", 1.0, 0.3)]
    [InlineData("linear", 0.0, 1.0)]
    [InlineData("linear", 0.5, 0.65)]
    [InlineData("linear", 1.0, 0.3)]
    [InlineData("conceder", 0.0, 1.0)]
    [InlineData("conceder", 0.5, 0.505025253169417)]
    [InlineData("conceder", 1.0, 0.3)]
    [InlineData("hardliner", 0.0, 1.0)]
    [InlineData("hardliner", 0.5, 1.0)]
    [InlineData("hardliner", 1.0, 1.0)]
    public void Preset_targets_match_the_hand_computed_values(string preset, double t, double expected)
    {
        var curve = ConcessionCurve.From(StrategySpec.Presets[preset].Strategy);
        curve.Target(t, pMin: 0.3).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void The_presets_have_the_design_exponents()
    {
        ConcessionCurve.Boulware.E.Should().Be(0.2);
        ConcessionCurve.Linear.E.Should().Be(1);
        ConcessionCurve.Conceder.E.Should().Be(2);
        ConcessionCurve.Hardliner.E.Should().Be(0);
    }

    [Fact]
    public void The_initial_constant_k_concedes_from_the_start()
    {
        // Linear, k = 0.1: F(0) = 0.1 → τ = 1 − 0.7·0.1 = 0.93; F(½) = 0.1 + 0.9·0.5 = 0.55 → τ = 1 − 0.385 = 0.615.
        var curve = new ConcessionCurve(1, 0.1);
        curve.Target(0, 0.3).Should().BeApproximately(0.93, 1e-12);
        curve.Target(0.5, 0.3).Should().BeApproximately(0.615, 1e-12);
        // A hardliner with k = 0.1 stays at F ≡ 0.1: 0.93 at every t, t = 1 included.
        new ConcessionCurve(0, 0.1).Target(1, 0.3).Should().BeApproximately(0.93, 1e-12);
    }

    [Fact]
    public void The_target_at_time_zero_is_exactly_pmax()
    {
        // Exactly, not approximately: the best outcome has utility exactly 1 and must meet τ(0).
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 10]).SampleCases((pMin, e) =>
            new ConcessionCurve(e).Target(0, pMin).Should().Be(1), seed: "1W5Raowows052", cases: 100);
    }

    [Fact]
    public void Targets_never_rise_over_time()
    {
        Gen.Select(Gen.Double[0, 5], Gen.Double[0, 1], Gen.Double[0, 1], Gen.Double[0, 1]).SampleCases((e, k, t1, t2) =>
        {
            var curve = new ConcessionCurve(e, k);
            var (early, late) = t1 <= t2 ? (t1, t2) : (t2, t1);
            curve.Target(late, 0.3).Should().BeLessThanOrEqualTo(curve.Target(early, 0.3));
        }, seed: "2zDr5R99pupfe", cases: 100);
    }

    [Fact]
    public void Invalid_parameters_are_refused()
    {
        FluentActions.Invoking(() => new ConcessionCurve(-1)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ConcessionCurve(double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new ConcessionCurve(1, 1.5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ConcessionCurve.Linear.Target(1.1, 0.3)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => ConcessionCurve.Linear.Target(-0.1, 0.3)).Should().Throw<ArgumentOutOfRangeException>();
    }
}
