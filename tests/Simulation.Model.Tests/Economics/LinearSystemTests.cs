using Simulation.Model.Economics;

namespace Simulation.Model.Tests.Economics;

/// <summary>
/// The Gaussian elimination behind gsim's Newton step: it solves a regular system, and reports a
/// singular or non-finite one as such instead of dividing by zero (gsim then fails with
/// EquilibriumNotFoundException; see GsimMarketModelTests and FiniteNumbersTests).
/// </summary>
public sealed class LinearSystemTests
{
    [Fact]
    public void A_regular_system_is_solved_with_pivoting()
    {
        // 0·x + 2y = 4, 3x + y = 5: the first pivot is 0, so rows swap; y = 2, x = 1.
        var a = new double[,] { { 0, 2 }, { 3, 1 } };
        var b = new double[] { 4, 5 };

        LinearSystem.TrySolve(a, b).Should().BeTrue();

        b.Should().Equal(1, 2);
    }

    [Fact]
    public void A_singular_system_is_reported_not_divided_by_zero()
    {
        // The second row is twice the first: elimination leaves a zero pivot.
        var a = new double[,] { { 1, 2 }, { 2, 4 } };

        LinearSystem.TrySolve(a, [1, 3]).Should().BeFalse();
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void A_system_with_a_non_finite_entry_is_reported(double entry)
    {
        var a = new double[,] { { entry, 1 }, { 1, 1 } };

        LinearSystem.TrySolve(a, [1, 1]).Should().BeFalse();
    }
}
