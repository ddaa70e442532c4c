using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Grains.Tests;

/// <summary>
/// Protocols named in a scenario run through the grains: the negotiation grain starts them from the
/// model's registry and plays them with the model's round loop.
/// </summary>
[Collection(nameof(ClusterCollection))]
public sealed class ProtocolRunTests(TwoSilos twoSilos)
{
    private const string File = "canada-indonesia.yaml";

    private static string WithProtocol(string protocol)
    {
        var text = System.IO.File.ReadAllText(RepositoryPaths.Scenario(File));
        const string Line = "    protocol: alternating-offers\n";
        text.Should().Contain(Line);
        return text.Replace(Line, $"    protocol: {protocol}\n", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stacked_alternating_offers_with_two_parties_ends_exactly_as_alternating_offers_through_the_grains()
    {
        // SAOP with N = 2 needs N − 1 = 1 acceptance: the rules of alternating offers, so the same
        // scenario and seed must give the same negotiation, move for move, whatever the protocol's name.
        var (alternatingRunId, alternating) = await RunDriver.PlayAsync(twoSilos.Client, WithProtocol("alternating-offers"), File, seed: 42);
        var stackedText = WithProtocol("stacked-alternating-offers");
        var (runId, stacked) = await RunDriver.PlayAsync(twoSilos.Client, stackedText, File, seed: 42);

        stacked.Negotiations[0].Protocol.Should().Be("stacked-alternating-offers");
        stacked.Negotiations[0].Status.Should().Be(NegotiationStatus.Agreed);
        RunOutcomeJson.Serialize(stacked with { Negotiations = [stacked.Negotiations[0] with { Protocol = "alternating-offers" }] })
            .Should().Be(RunOutcomeJson.Serialize(alternating with { Scenario = alternating.Scenario with { Sha256 = stacked.Scenario.Sha256 } }));

        var history = (await twoSilos.Client.GetGrain<INegotiationGrain>(RunIds.Negotiation(runId, "CAN-IDN")).GetState()).History;
        history.Should().Equal((await twoSilos.Client.GetGrain<INegotiationGrain>(RunIds.Negotiation(alternatingRunId, "CAN-IDN")).GetState()).History);
    }
}
