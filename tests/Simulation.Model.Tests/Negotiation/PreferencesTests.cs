using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class PreferencesTests
{
    // Issues 0 and 1 in one group "canola" (levels 3 and 2: combination = level0·2 + level1), issue 2
    // alone in "footwear" (2 levels).
    private static readonly OutcomeSpace Space = new(
        [3, 2, 2],
        [new IssueGroup("canola", [0, 1], [3, 2]), IssueGroup.Single("footwear", 2, 2)]);

    // Hand-made values, money units: canola combinations 0..5, footwear levels 0..1.
    // Vmin = −4 + −3 = −7 (canola combination 5, footwear 1); Vmax = 10 + 0 = 10 (combination 4, footwear 0).
    private static readonly AdditiveValueFunction Values = new(Space, [[0, 5, 8, 2, 10, -4], [0, -3]]);

    [Fact]
    public void Value_adds_the_groups()
    {
        Values.Value(Outcome.Of(1, 1, 0)).Should().Be(2);  // canola combination 3 → 2, footwear 0 → 0
        Values.Value(Outcome.Of(2, 0, 1)).Should().Be(7);  // canola combination 4 → 10, footwear 1 → −3
        Values.Value(Space.StatusQuo).Should().Be(0);
        Values.Min.Should().Be(-7);
        Values.Max.Should().Be(10);
    }

    [Fact]
    public void Min_and_max_agree_with_enumeration()
    {
        var all = Space.EnumerateAll().Select(Values.Value).ToArray();
        Values.Min.Should().Be(all.Min());
        Values.Max.Should().Be(all.Max());
    }

    [Fact]
    public void Value_tables_must_fit_the_groups()
    {
        FluentActions.Invoking(() => new AdditiveValueFunction(Space, [[0, 5, 8, 2, 10], [0, -3]])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new AdditiveValueFunction(Space, [[0, 5, 8, 2, 10, -4]])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new AdditiveValueFunction(Space, [[0, 5, 8, 2, 10, double.NaN], [0, -3]])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Values.Value(Outcome.Of(3, 0, 0))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Utility_is_normalised_over_the_space()
    {
        // DESIGN §4.2: u = (V − Vmin)/(Vmax − Vmin) = (V + 7)/17.
        var preferences = new NegotiatorPreferences(Values);
        preferences.Utility(Outcome.Of(2, 0, 0)).Should().Be(1);    // V = 10 = Vmax, exactly
        preferences.Utility(Outcome.Of(2, 1, 1)).Should().Be(0);    // V = −7 = Vmin, exactly
        preferences.Utility(Outcome.Of(2, 0, 1)).Should().BeApproximately(14.0 / 17, 1e-15); // V = 7
        preferences.Utility(Space.StatusQuo).Should().BeApproximately(7.0 / 17, 1e-15);      // V = 0
        preferences.Value(Outcome.Of(2, 0, 1)).Should().Be(7);
    }

    [Fact]
    public void Reservation_is_the_utility_of_no_deal()
    {
        // r = clip((0 − Vmin)/(Vmax − Vmin), 0, 1) = 7/17 ≈ 0.4118: the status quo is worth V = 0.
        new NegotiatorPreferences(Values).Reservation.Should().BeApproximately(7.0 / 17, 1e-15);
    }

    [Fact]
    public void Reservation_is_clipped_to_the_unit_interval()
    {
        var space = OutcomeSpace.Separable(3);
        // Every outcome is a gain (Vmin = 1 > 0): (0 − 1)/(5 − 1) = −0.25 → r = 0.
        new NegotiatorPreferences(new AdditiveValueFunction(space, [[1, 3, 5]])).Reservation.Should().Be(0);
        // Every outcome is a loss (Vmax = −1 < 0): (0 + 5)/(−1 + 5) = 1.25 → r = 1.
        new NegotiatorPreferences(new AdditiveValueFunction(space, [[-1, -3, -5]])).Reservation.Should().Be(1);
    }

    [Fact]
    public void An_explicit_reservation_overrides_the_derived_one()
    {
        new NegotiatorPreferences(Values, 0.25).Reservation.Should().Be(0.25);
        FluentActions.Invoking(() => new NegotiatorPreferences(Values, 1.5)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => new NegotiatorPreferences(Values, double.NaN)).Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void An_indifferent_party_has_zero_utility_and_zero_reservation()
    {
        var flat = new NegotiatorPreferences(new AdditiveValueFunction(OutcomeSpace.Separable(3), [[4, 4, 4]]));
        flat.IsIndifferent.Should().BeTrue();
        flat.Utility(Outcome.Of(2)).Should().Be(0);
        flat.Reservation.Should().Be(0);
        flat.MaxUtility.Should().Be(0);
    }
}
