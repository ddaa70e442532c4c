using Simulation.Model.Economics;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// The run engine's view of the countries (DESIGN §2 "Seams"): join the run, see a changed world at
/// some negotiations, and say what outcomes are worth. How a party decides its moves is the tables'
/// business, not the engine's. Grains implement it over country-grain calls; <see cref="InProcessRun"/>
/// over plain <see cref="NegotiationSeat"/>s.
/// </summary>
public interface IRunParties
{
    /// <summary>Takes the party's seat at every negotiation it is party to, in the scenario's world.</summary>
    Task JoinAsync(string party);

    /// <summary>
    /// The world is the scenario's with <paramref name="tariffChangesSoFar"/> and
    /// <paramref name="quotaChangesSoFar"/> applied (<see cref="AgreedWorld"/>): reprice the
    /// party's seats at <paramref name="negotiationIds"/> only (a finished negotiation is never repriced).
    /// </summary>
    Task UpdateWorldAsync(string party, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds);

    /// <summary>
    /// Countries changed: the scenario's <c>set-strategy</c>/<c>set-weights</c> events at
    /// <paramref name="countryEventsSoFar"/> (indexes in <c>Scenario.Events</c>, in the order applied)
    /// are in force, in the world with <paramref name="tariffChangesSoFar"/>: revise the party's seats at
    /// <paramref name="negotiationIds"/> (<see cref="NegotiationSeat.Revise"/>), and take any later
    /// seat in that scenario.
    /// </summary>
    Task ReviseAsync(string party, IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds);

    /// <summary>
    /// What an agreement (null: no deal) is worth to the party at a negotiation now; the utility of
    /// an agreement on the offer made at <paramref name="offerTurn"/> is discounted (DESIGN §4.2).
    /// </summary>
    Task<SeatAssessment> AssessAsync(string party, string negotiationId, Outcome? agreement, int? offerTurn);

    /// <summary>The party's undiscounted utility of each outcome at a negotiation, in the world its seat is priced in now.</summary>
    Task<IReadOnlyList<double>> UtilitiesAsync(string party, string negotiationId, IReadOnlyList<Outcome> outcomes);
}
