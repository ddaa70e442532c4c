using Simulation.Model.Inference;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Inference;

public sealed class EpisodeDistanceTests
{
    // A tariff issue of 3 levels, one of 5, and a discrete issue of 3 values.
    private static readonly IssueAxis[] s_issues =
    [
        new("A:B:x", IssueKind.Tariff, [IssueLevel.ForTariff(10), IssueLevel.ForTariff(5), IssueLevel.ForTariff(0)]),
        new("A:B:y", IssueKind.Tariff, [.. Enumerable.Range(0, 5).Select(k => IssueLevel.ForTariff(20 - (5 * k)))]),
        new("panel", IssueKind.Discrete, [IssueLevel.ForDiscrete("none"), IssueLevel.ForDiscrete("panel"), IssueLevel.ForDiscrete("appellate")]),
    ];

    [Fact]
    public void Both_agreed_the_distance_is_the_mean_of_the_level_distances_normalised_by_each_range()
    {
        var observed = new ObservedOutcome(NegotiationStatus.Agreed, [2, 0, 1]);

        // |0 − 2|/(3 − 1) = 1, |1 − 0|/(5 − 1) = 0.25, discrete equal = 0: mean (1 + 0.25 + 0)/3.
        EpisodeDistance.Of(observed, s_issues, new SimulatedOutcome(NegotiationStatus.Agreed, [0, 1, 1])).Should().BeApproximately(1.25 / 3, 1e-15);
        // A discrete value that differs counts 1 whatever its position: (0 + 0 + 1)/3.
        EpisodeDistance.Of(observed, s_issues, new SimulatedOutcome(NegotiationStatus.Agreed, [2, 0, 0])).Should().BeApproximately(1.0 / 3, 1e-15);
        EpisodeDistance.Of(observed, s_issues, new SimulatedOutcome(NegotiationStatus.Agreed, [2, 0, 1])).Should().Be(0);
    }

    [Fact]
    public void An_issue_not_observed_counts_in_neither_the_sum_nor_the_count()
    {
        var observed = new ObservedOutcome(NegotiationStatus.Agreed, [2, null, null]);

        // Only the first issue: |1 − 2|/2 = 0.5.
        EpisodeDistance.Of(observed, s_issues, new SimulatedOutcome(NegotiationStatus.Agreed, [1, 4, 2])).Should().Be(0.5);
    }

    [Fact]
    public void A_status_that_differs_or_a_failed_run_is_1_and_two_failed_negotiations_are_0()
    {
        var agreed = new ObservedOutcome(NegotiationStatus.Agreed, [2, 0, 1]);
        var deadline = new ObservedOutcome(NegotiationStatus.Deadline, [0, 0, 0]);

        EpisodeDistance.Of(agreed, s_issues, new SimulatedOutcome(NegotiationStatus.Deadline, [0, 0, 0])).Should().Be(1);
        EpisodeDistance.Of(deadline, s_issues, new SimulatedOutcome(NegotiationStatus.WalkedAway, [0, 0, 0])).Should().Be(1);
        EpisodeDistance.Of(deadline, s_issues, new SimulatedOutcome(NegotiationStatus.Deadline, [0, 0, 0])).Should().Be(0);
        EpisodeDistance.Of(agreed, s_issues, SimulatedOutcome.Failed).Should().Be(1);
        EpisodeDistance.Of(deadline, s_issues, SimulatedOutcome.Failed).Should().Be(1);
    }
}
