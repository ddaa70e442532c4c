using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

public sealed class OutcomeTests
{
    [Fact]
    public void Outcomes_with_the_same_levels_are_equal()
    {
        var a = Outcome.Of(0, 2, 1);
        var b = Outcome.Of(0, 2, 1);
        a.Should().Be(b);
        (a == b).Should().BeTrue();
        a.GetHashCode().Should().Be(b.GetHashCode());
        a.Should().NotBe(Outcome.Of(0, 1, 2));
        (a != Outcome.Of(0, 2)).Should().BeTrue();
    }

    [Fact]
    public void It_prints_as_a_bracketed_list() => Outcome.Of(0, 2, 1).ToString().Should().Be("[0,2,1]");

    [Fact]
    public void The_hash_code_is_the_same_in_every_process()
    {
        // FNV-1a 32 over the three levels as 32-bit words, by hand from basis 2166136261 and prime
        // 16777619: pinned so that hash-set iteration order cannot change between runs.
        var expected = 2166136261u;
        foreach (var level in new uint[] { 0, 2, 1 })
        {
            expected = unchecked((expected ^ level) * 16777619u);
        }

        Outcome.Of(0, 2, 1).GetHashCode().Should().Be(unchecked((int)expected));
    }

    [Fact]
    public void Outcomes_order_lexicographically()
    {
        var sorted = new[] { Outcome.Of(1, 0), Outcome.Of(0, 2), Outcome.Of(0, 1) }.Order().ToArray();
        sorted.Select(o => o.ToString()).Should().Equal("[0,1]", "[0,2]", "[1,0]");
    }

    [Fact]
    public void A_negative_level_is_refused() =>
        FluentActions.Invoking(() => Outcome.Of(0, -1)).Should().Throw<ArgumentOutOfRangeException>();
}
