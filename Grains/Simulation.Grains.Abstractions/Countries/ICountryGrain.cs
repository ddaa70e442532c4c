using Orleans.Concurrency;

namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A country in one run (key: <c>{run}/{ISO}</c>). It holds its objective and its negotiators'
/// strategies, sees the world as the run grain tells it, and decides its own moves: the negotiation
/// grain asks, the country answers with an offer, an acceptance or a walk-out.
/// </summary>
[Alias("tradesim.ICountryGrain")]
public interface ICountryGrain : IGrainWithStringKey
{
    /// <summary>Joins the run: builds the world and a negotiator for every negotiation the country sits at.</summary>
    [Alias("JoinAsync")]
    Task JoinAsync(CountryBrief brief);

    /// <summary>
    /// The world changed (an agreement, an event): recompute what every outcome is worth at the
    /// named negotiations. Seats at other negotiations keep their world, so a finished
    /// negotiation is never repriced (DESIGN §2 "Seams").
    /// </summary>
    [Alias("UpdateWorldAsync")]
    Task UpdateWorldAsync(IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<QuotaSetting> quotaChangesSoFar, IReadOnlyList<string> negotiationIds);

    /// <summary>
    /// Countries changed (<c>set-strategy</c>, <c>set-weights</c>): the scenario's events at
    /// <paramref name="countryEventsSoFar"/> are in force, in the world with
    /// <paramref name="tariffChangesSoFar"/>; revise the seats at <paramref name="negotiationIds"/>.
    /// </summary>
    [Alias("ReviseAsync")]
    Task ReviseAsync(IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffSetting> tariffChangesSoFar, IReadOnlyList<QuotaSetting> quotaChangesSoFar, IReadOnlyList<string> negotiationIds);

    /// <summary>The country's move on its turn in a negotiation.</summary>
    [Alias("DecideAsync")]
    Task<TurnDecision> DecideAsync(TurnRequest request);

    /// <summary>
    /// What an outcome (level per issue; null for no deal) is worth to the country now. The utility
    /// of an agreement on the offer made at <paramref name="offerTurn"/> (1-based) is discounted,
    /// u·δ^(offerTurn−1) (DESIGN §4.2); the gain in money units is not.
    /// </summary>
    [Alias("AssessAsync")]
    Task<PartyAssessment> AssessAsync(string negotiationId, IReadOnlyList<int>? outcome, int? offerTurn = null);

    /// <summary>
    /// The country's undiscounted utility of each outcome (level per issue) at a negotiation, in the
    /// world its seat there is priced in now: the utilities of a trace (DESIGN §6.4).
    /// </summary>
    [Alias("UtilitiesAsync")]
    Task<IReadOnlyList<double>> UtilitiesAsync(string negotiationId, IReadOnlyList<IReadOnlyList<int>> outcomes);

    /// <summary>Side-effect-free view for the dashboard's grain-state page.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<CountryState> GetState();
}
