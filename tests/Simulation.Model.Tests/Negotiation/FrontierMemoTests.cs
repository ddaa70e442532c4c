using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class FrontierMemoTests
{
    [Fact]
    public void Value_functions_with_the_same_tables_get_the_frontier_built_before()
    {
        // Two runs of one scenario rebuild equal value functions as new objects. (Tests running at the
        // same time could fill and empty the memo between the two builds only with 64 new frontiers.)
        var space = OutcomeSpace.Separable(3, 2);
        AdditiveValueFunction A() => new(space, [[0, 2.5, 4], [0, 1.25]]);
        AdditiveValueFunction B() => new(space, [[3, 1.5, 0], [2, 0]]);

        var first = ParetoFrontier.Build(space, [A(), B()]);
        var again = ParetoFrontier.Build(space, [A(), B()]);

        again.Should().BeSameAs(first);
    }

    [Fact]
    public void A_table_that_differs_in_one_value_gets_its_own_frontier()
    {
        // One issue of three levels. A: [0, 1, 2], B: [2, 1, 0] puts all three on the frontier; with
        // B: [2, 2, 0] level 1, worth (1, 2), dominates level 0, worth (0, 2): two points, [2] and [1].
        var space = OutcomeSpace.Separable(3);
        var a = new AdditiveValueFunction(space, [[0, 1, 2]]);

        var all = ParetoFrontier.Build(space, [a, new AdditiveValueFunction(space, [[2, 1, 0]])]);
        var two = ParetoFrontier.Build(space, [a, new AdditiveValueFunction(space, [[2, 2, 0]])]);

        all.Points.Select(p => p.Outcome.ToString()).Should().Equal("[2]", "[1]", "[0]");
        two.Points.Select(p => p.Outcome.ToString()).Should().Equal("[2]", "[1]");
    }
}
