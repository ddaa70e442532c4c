using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// The run engine's view of its negotiations (DESIGN §2 "Seams"): open one, play its current round.
/// Grains implement it over negotiation-grain calls; <see cref="InProcessRun"/> over plain protocols.
/// </summary>
public interface INegotiationTables
{
    /// <summary>Opens <paramref name="agenda"/>'s negotiation with the protocol its spec names.</summary>
    Task OpenAsync(TariffAgenda agenda);

    /// <summary>Plays one round of an open negotiation: one turn of each party, until it ends.</summary>
    Task<RoundReport> PlayRoundAsync(string negotiationId);
}
