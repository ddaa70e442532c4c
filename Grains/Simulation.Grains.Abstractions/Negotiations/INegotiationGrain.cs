using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// One negotiation in one run (key: <c>{run}/{negotiation}</c>): the protocol's state machine, the
/// standing offer and the history. It asks the parties' country grains for their moves.
/// </summary>
[Alias("tradesim.INegotiationGrain")]
public interface INegotiationGrain : IGrainWithStringKey
{
    [Alias("OpenAsync")]
    Task OpenAsync(NegotiationBrief brief);

    /// <summary>Plays one round (one turn of each party, until the negotiation ends).</summary>
    [Alias("PlayRoundAsync")]
    Task<NegotiationReport> PlayRoundAsync();

    /// <summary>A party ends the negotiation before its current round (a <c>terminate</c> event, DESIGN §5.1).</summary>
    [Alias("TerminateAsync")]
    Task<NegotiationReport> TerminateAsync();

    /// <summary>Side-effect-free view for the dashboard's grain-state page.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<NegotiationState> GetState();
}
