using Simulation.Model.Determinism;

namespace Simulation.Model.Tests.Determinism;

public sealed class DeferredRandomTests
{
    [Fact]
    public void Nothing_is_made_until_the_first_draw_and_then_only_once()
    {
        var made = 0;
        var random = new DeferredRandom(() =>
        {
            made++;
            return SeededRandom.For(7, "CAN-IDN", "CAN", "3");
        });

        random.IsMade.Should().BeFalse();
        made.Should().Be(0);
        _ = random.Generator.Next(10);
        _ = random.Generator.Next(10);
        random.IsMade.Should().BeTrue();
        made.Should().Be(1);
    }

    [Fact]
    public void A_deferred_generator_draws_what_the_generator_made_at_once_draws()
    {
        // The reference is a generator seeded the same way and made up front, as every turn made one before.
        var reference = SeededRandom.For(42, "W1", "ONE", "17");
        var deferred = new DeferredRandom(() => SeededRandom.For(42, "W1", "ONE", "17"));

        Enumerable.Range(0, 20).Select(_ => deferred.Generator.Next(1_000))
            .Should().Equal(Enumerable.Range(0, 20).Select(_ => reference.Next(1_000)));
    }
}
