using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class OutcomeSpaceTests
{
    // Issues 0 and 2 form one group in the order [2, 0]; issue 1 stands alone.
    private static readonly IssueGroup Coupled = new("canola", [2, 0], [3, 2]);

    [Fact]
    public void A_group_numbers_its_combinations_with_the_last_issue_fastest()
    {
        // Radix (3, 2): combination c = level(issue 2)·2 + level(issue 0).
        Coupled.Size.Should().Be(6);
        Coupled.Decode(0).Should().Equal(0, 0);
        Coupled.Decode(1).Should().Equal(0, 1);
        Coupled.Decode(2).Should().Equal(1, 0);
        Coupled.Decode(5).Should().Equal(2, 1);
        // Outcome [1, 7, 2]: issue 2 at level 2, issue 0 at level 1 → 2·2 + 1 = 5.
        Coupled.Encode(Outcome.Of(1, 7, 2)).Should().Be(5);
    }

    [Fact]
    public void Encode_and_decode_are_inverse()
    {
        for (var c = 0; c < Coupled.Size; c++)
        {
            var levels = Coupled.Decode(c);
            Coupled.Encode(Outcome.Of(levels[1], 0, levels[0])).Should().Be(c);
        }
    }

    [Fact]
    public void A_group_refuses_bad_shapes()
    {
        FluentActions.Invoking(() => new IssueGroup("g", [], [])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new IssueGroup("g", [0, 1], [2])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new IssueGroup("g", [0, 0], [2, 2])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new IssueGroup("g", [0], [0])).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => Coupled.Decode(6)).Should().Throw<ArgumentOutOfRangeException>();
        FluentActions.Invoking(() => Coupled.Encode(Outcome.Of(2, 0, 0))).Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Groups_compare_by_content() =>
        new IssueGroup("canola", [2, 0], [3, 2]).Should().Be(Coupled);

    [Fact]
    public void A_space_knows_its_shape()
    {
        var space = new OutcomeSpace([2, 4, 3], [Coupled, IssueGroup.Single("autos", 1, 4)]);
        space.IssueCount.Should().Be(3);
        space.StatusQuo.Should().Be(Outcome.Of(0, 0, 0));
        space.Cardinality.Should().Be(24); // 2·4·3
        space.GroupOf(0).Should().Be(0);
        space.GroupOf(1).Should().Be(1);
        space.GroupOf(2).Should().Be(0);
        // Canola combination 5 = (issue 2 → 2, issue 0 → 1), autos combination 3 = (issue 1 → 3).
        space.Compose([5, 3]).Should().Be(Outcome.Of(1, 3, 2));
        space.Contains(Outcome.Of(1, 3, 2)).Should().BeTrue();
        space.Contains(Outcome.Of(2, 3, 2)).Should().BeFalse();
        space.Contains(Outcome.Of(1, 3)).Should().BeFalse();
    }

    [Fact]
    public void Cardinality_does_not_overflow() =>
        // 40 issues of 5 levels: 5^40 ≈ 9.094947e27 outcomes, far beyond any integer type.
        OutcomeSpace.Separable(Enumerable.Repeat(5, 40).ToArray()).Cardinality.Should().BeApproximately(9.094947017729282e27, 1e13);

    [Fact]
    public void Enumeration_is_lexicographic_and_complete()
    {
        var all = OutcomeSpace.Separable(2, 3).EnumerateAll().Select(o => o.ToString()).ToArray();
        all.Should().Equal("[0,0]", "[0,1]", "[0,2]", "[1,0]", "[1,1]", "[1,2]");
    }

    [Fact]
    public void Groups_must_partition_the_issues()
    {
        FluentActions.Invoking(() => new OutcomeSpace([2, 4, 3], [Coupled])).Should().Throw<ArgumentException>().WithMessage("*issue 1*no group*");
        FluentActions.Invoking(() => new OutcomeSpace([2, 4, 3], [Coupled, IssueGroup.Single("x", 1, 4), IssueGroup.Single("y", 0, 2)]))
            .Should().Throw<ArgumentException>().WithMessage("*partition*");
        FluentActions.Invoking(() => new OutcomeSpace([2, 4, 3], [Coupled, IssueGroup.Single("autos", 1, 5)]))
            .Should().Throw<ArgumentException>().WithMessage("*levels*");
        FluentActions.Invoking(() => new OutcomeSpace([2, 4], [Coupled, IssueGroup.Single("autos", 1, 4)]))
            .Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => new OutcomeSpace([2, 4, 3], [Coupled, IssueGroup.Single("canola", 1, 4)]))
            .Should().Throw<ArgumentException>().WithMessage("*named*");
    }

    [Fact]
    public void Spaces_compare_by_structure()
    {
        OutcomeSpace.Separable(2, 3).Should().Be(OutcomeSpace.Separable(2, 3));
        OutcomeSpace.Separable(2, 3).Should().NotBe(OutcomeSpace.Separable(3, 2));
    }
}
