using Simulation.Model.Determinism;

namespace Simulation.Model.Tests.Determinism;

public sealed class SeededRandomTests
{
    [Fact]
    public void The_same_seed_and_parts_give_the_same_sequence()
    {
        var a = SeededRandom.For(7, "run", "CAN");
        var b = SeededRandom.For(7, "run", "CAN");
        Enumerable.Range(0, 20).Select(_ => a.Next()).Should().Equal(Enumerable.Range(0, 20).Select(_ => b.Next()));
    }

    [Fact]
    public void Different_seeds_or_parts_give_different_sequences()
    {
        static int[] Draw(Random r) => Enumerable.Range(0, 8).Select(_ => r.Next()).ToArray();
        var baseline = Draw(SeededRandom.For(7, "run", "CAN"));
        Draw(SeededRandom.For(8, "run", "CAN")).Should().NotEqual(baseline);
        Draw(SeededRandom.For(7, "run", "IDN")).Should().NotEqual(baseline);
    }

    [Fact]
    public void The_seed_is_the_folded_stable_hash()
    {
        var hash = StableHash.Of(42, "CAN-IDN", "CAN"); // 0x765638103a1babcb, see StableHashTests
        SeededRandom.SeedOf(42, "CAN-IDN", "CAN").Should().Be(unchecked((int)(0x76563810U ^ 0x3a1babcbU)));
        SeededRandom.SeedOf(42, "CAN-IDN", "CAN").Should().Be(unchecked((int)(hash ^ (hash >> 32))));
    }

    [Fact]
    public void The_sequence_is_pinned()
    {
        // Recorded from this implementation. new Random(int) keeps the legacy generator for
        // compatibility, so if these change, every recorded run changes too: treat a failure here as
        // a determinism break (DESIGN §5.2), not as a number to update.
        var random = SeededRandom.For(42, "CAN-IDN", "CAN");
        Enumerable.Range(0, 5).Select(_ => random.Next(1000)).Should().Equal(Pinned);
    }

    private static readonly int[] Pinned = [123, 115, 508, 78, 289];
}
