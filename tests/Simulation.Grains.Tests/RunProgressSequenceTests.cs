using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>The reorder buffer a watcher puts pushed updates through: every update once, in sequence, whatever the arrival order.</summary>
public sealed class RunProgressSequenceTests
{
    [Fact]
    public void Updates_arriving_out_of_order_are_released_in_sequence_each_once()
    {
        var sequence = new RunProgressSequence(after: 0);
        var released = new List<long>();

        // The order one test saw: the final update (4) overtook rounds 2 and 3.
        foreach (var n in new long[] { 1, 4, 3, 2 })
        {
            released.AddRange(sequence.Accept(Update(n)).Select(u => u.Sequence));
        }

        released.Should().Equal(1, 2, 3, 4);
        sequence.Latest.Should().Be(4);
        sequence.Held.Should().Be(0);
    }

    [Fact]
    public void An_update_is_held_until_the_one_before_it_arrives()
    {
        var sequence = new RunProgressSequence(after: 0);

        sequence.Accept(Update(2)).Should().BeEmpty();
        sequence.Held.Should().Be(1);
        sequence.Accept(Update(1)).Select(u => u.Sequence).Should().Equal(1, 2);
    }

    [Fact]
    public void A_repeated_or_older_update_is_dropped()
    {
        var sequence = new RunProgressSequence(after: 0);
        sequence.Accept(Update(1));
        sequence.Accept(Update(2));

        sequence.Accept(Update(2)).Should().BeEmpty();
        sequence.Accept(Update(1)).Should().BeEmpty();
        sequence.Held.Should().Be(0);
    }

    [Fact]
    public void A_watcher_joining_under_way_holds_updates_until_its_snapshot_then_drops_those_the_snapshot_covers()
    {
        var sequence = new RunProgressSequence();

        // Subscribed, then updates 7, 9 and 8 arrived before the snapshot, which was taken after 7.
        sequence.Accept(Update(7)).Should().BeEmpty();
        sequence.Accept(Update(9)).Should().BeEmpty();
        sequence.Accept(Update(8)).Should().BeEmpty();
        sequence.Latest.Should().BeNull();

        sequence.BeginAfter(7).Select(u => u.Sequence).Should().Equal(8, 9);
        sequence.Accept(Update(10)).Select(u => u.Sequence).Should().Equal(10);
    }

    [Fact]
    public void A_sequence_begins_once()
    {
        var sequence = new RunProgressSequence(after: 3);
        var again = () => sequence.BeginAfter(5);
        again.Should().Throw<InvalidOperationException>();
    }

    private static RunProgressUpdate Update(long sequence) =>
        new(sequence, new RunStatus("run-x", RunPhase.Running, (int)sequence, 10, 1, null), "test", [], [], []);
}
