using Simulation.Model.Negotiation;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>A negotiator that walks away, through the grains, from a scenario file's discounts and reservations.</summary>
[Collection(nameof(ClusterCollection))]
public sealed class WalkAwayRunTests(OneSilo oneSilo)
{
    [Fact]
    public async Task A_discounted_party_walks_away_once_no_deal_can_still_beat_its_reservation()
    {
        // The canola table with Canada discounting each offer by δ = 0.9 and needing r = 0.5. Canada
        // moves on odd turns; on turn m an offer is worth at most 0.9^(m−1) once agreed: 0.9^6 = 0.531
        // on turn 7, 0.9^8 = 0.430 on turn 9 (below 0.5). China's offers never reach Canada's target
        // before then, so Canada walks away on turn 9, in round 5. Both keep no deal: gains 0.
        const string File = "canada-china-canola.yaml";
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File))
            .Replace("  - id: CAN-CHN\n", "  - id: CAN-CHN\n    discounts: { CAN: 0.9 }\n    reservations: { CAN: 0.5 }\n", StringComparison.Ordinal);
        text.Should().Contain("discounts: { CAN: 0.9 }");

        var outcome = await RunDriver.RunAsync(oneSilo.Client, text, File, seed: 42);

        var negotiation = outcome.Negotiations.Single();
        negotiation.Status.Should().Be(NegotiationStatus.WalkedAway);
        negotiation.Round.Should().Be(5);
        negotiation.Agreement.Should().BeNull();
        negotiation.Reservation["CAN"].Should().Be(0.5);
        negotiation.Gain.Values.Should().AllSatisfy(g => g.Should().Be(0));
    }
}
