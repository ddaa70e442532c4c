using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>Compares a run's outcome with the independent <see cref="ReferenceRun"/> replay of the same scenario and seed.</summary>
public static class ReplayAssertions
{
    public static void ShouldMatch(this RunOutcome outcome, ReferenceRun.Result expected)
    {
        outcome.RoundsPlayed.Should().Be(expected.RoundsPlayed);
        outcome.Negotiations.Select(n => n.Id).Should().Equal(expected.Negotiations.Select(n => n.Id));
        outcome.Events.Select(e => (e.Round, e.Type)).Should().Equal(expected.Events.Select(e => (e.Round, e.Type)), "the replay's events, in the order applied");
        foreach (var negotiation in outcome.Negotiations)
        {
            var reference = expected.Negotiation(negotiation.Id);
            NegotiationStatusNames.Name(negotiation.Status).Should().Be(reference.Status, $"the replay's status of {negotiation.Id}");
            negotiation.Round.Should().Be(reference.Round, $"the replay's round of {negotiation.Id}");
            if (reference.AgreedLevels is null)
            {
                negotiation.Agreement.Should().BeNull();
            }
            else
            {
                negotiation.Agreement!.Select(a => a.Quota ?? a.Tariff!.Value).Should().Equal(reference.AgreedLevels, $"the replay's agreement in {negotiation.Id}");
            }

            foreach (var party in negotiation.Parties)
            {
                // Whole-world solves against per-sector sums: equal to rounding.
                negotiation.Gain[party].Should().BeApproximately(reference.Gain[party], 1e-9 * Math.Max(1, Math.Abs(reference.Gain[party])), $"{party}'s gain in {negotiation.Id}");
                negotiation.Utility[party].Should().BeApproximately(reference.Utility[party], 1e-9, $"{party}'s utility in {negotiation.Id}");
                negotiation.Reservation[party].Should().BeApproximately(reference.Reservation[party], 1e-9, $"{party}'s reservation in {negotiation.Id}");
            }
        }
    }
}
