using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Grains.Tests;

/// <summary>
/// The runs directory's list (<see cref="RunList"/>): the most recent runs in the order first
/// listed, each with its latest report, whatever order the one-way reports arrive in.
/// </summary>
public sealed class RunListTests
{
    private static RunListing Report(string runId, RunPhase phase, int round, long report, long started = 1) =>
        new(runId, "Scenario " + runId, runId + ".yaml", 42, new RunStatus(runId, phase, round, 20, phase == RunPhase.Running ? 1 : 0, null), started, report);

    [Fact]
    public void A_full_list_drops_the_run_listed_first_and_lists_the_rest_most_recent_first()
    {
        var list = new RunList(capacity: 3);
        foreach (var id in new[] { "a", "b", "c", "d", "e" })
        {
            list.Report(Report(id, RunPhase.Running, 0, 1));
        }

        // Five runs into three places: a and b, listed first, are gone.
        list.Runs().Select(r => r.Run.RunId).Should().Equal("e", "d", "c");
        list.Runs().Select(r => r.Listed).Should().Equal(5, 4, 3);
        list.Find("a").Should().BeNull();
    }

    [Fact]
    public void A_later_report_of_a_run_updates_it_in_place_and_does_not_move_it_up()
    {
        var list = new RunList();
        list.Report(Report("a", RunPhase.Running, 0, 1));
        list.Report(Report("b", RunPhase.Running, 0, 1));

        var changed = list.Report(Report("a", RunPhase.Completed, 12, 2));

        changed!.Run.Status.Phase.Should().Be(RunPhase.Completed);
        list.Runs().Select(r => (r.Run.RunId, r.Run.Status.Phase)).Should().Equal(("b", RunPhase.Running), ("a", RunPhase.Completed));
    }

    [Fact]
    public void A_report_that_arrives_after_a_later_one_is_ignored_so_a_finished_run_never_shows_as_running_again()
    {
        var list = new RunList();
        list.Report(Report("a", RunPhase.Completed, 12, 3));

        list.Report(Report("a", RunPhase.Running, 5, 2)).Should().BeNull();
        list.Report(Report("a", RunPhase.Running, 0, 1)).Should().BeNull();

        list.Find("a")!.Run.Status.Phase.Should().Be(RunPhase.Completed);
        list.Find("a")!.Run.Report.Should().Be(3);
    }

    [Fact]
    public void A_run_started_again_by_a_new_activation_replaces_how_the_cancelled_one_ended()
    {
        var list = new RunList();
        list.Report(Report("a", RunPhase.Cancelled, 1, 3, started: 100));

        // The new activation started later and numbers its reports from 1 again.
        list.Report(Report("a", RunPhase.Running, 0, 1, started: 200)).Should().NotBeNull();

        list.Find("a")!.Run.Status.Phase.Should().Be(RunPhase.Running);
        list.Runs().Should().ContainSingle("it is the same run, listed once");
    }

    [Fact]
    public void A_copy_fed_the_directorys_numbered_runs_in_any_order_orders_them_as_the_directory_does()
    {
        var directory = new RunList();
        var first = directory.Report(Report("a", RunPhase.Running, 0, 1))!;
        var second = directory.Report(Report("b", RunPhase.Running, 0, 1))!;
        var finished = directory.Report(Report("a", RunPhase.Completed, 9, 2))!;

        var copy = new RunList();
        copy.Merge(second).Should().NotBeNull();
        copy.Merge(finished).Should().NotBeNull();
        copy.Merge(first).Should().BeNull("the copy already holds a later report of run a");

        copy.Runs().Should().Equal(directory.Runs());
    }
}
