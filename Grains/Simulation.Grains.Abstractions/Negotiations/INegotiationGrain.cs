using Orleans.Concurrency;
using Simulation.Model.Runs;

namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// One negotiation in one run (key: <c>{run}/{negotiation}</c>): the run engine's table
/// (<see cref="INegotiationTables"/>) as a grain. It holds the protocol's state machine, the standing
/// offer and the history, and asks the parties' country grains for their moves.
/// </summary>
[Alias("tradesim.INegotiationGrain")]
public interface INegotiationGrain : IGrainWithStringKey
{
    /// <summary>Opens the negotiation with the protocol its spec names (<see cref="INegotiationTables.OpenAsync"/>).</summary>
    [Alias("OpenAsync")]
    Task OpenAsync(NegotiationBrief brief);

    /// <summary>Plays one round: one turn of each party, until the negotiation ends.</summary>
    [Alias("PlayRoundAsync")]
    Task<RoundReport> PlayRoundAsync();

    /// <summary>A party ends the negotiation before its current round (a <c>terminate</c> event, DESIGN §5.1).</summary>
    [Alias("TerminateAsync")]
    Task<RoundReport> TerminateAsync();

    /// <summary>The run is over and its outcome taken: the negotiation leaves memory (<see cref="Runs.IRunGrain.ReleaseAsync"/>).</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync();

    /// <summary>Side-effect-free view for the dashboard's grain-state page.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<NegotiationState> GetState();
}
