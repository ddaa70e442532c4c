using Orleans.Concurrency;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;

namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// A country in one run (key: <c>{run}/{ISO}</c>): the run engine's party (<see cref="IRunParties"/>)
/// as a grain, plus its moves. It holds its objective and its negotiators' strategies, sees the
/// world as the run grain tells it, and decides its own moves when a negotiation grain asks. Its
/// methods speak the model's types, which travel through the surrogates of <c>Wire/</c>.
/// </summary>
[Alias("tradesim.ICountryGrain")]
public interface ICountryGrain : IGrainWithStringKey
{
    /// <summary>Joins the run: takes a seat at every negotiation the country sits at, in the scenario's world (<see cref="IRunParties.JoinAsync"/>).</summary>
    [Alias("JoinAsync")]
    Task JoinAsync(CountryBrief brief);

    /// <summary>
    /// The world changed (an agreement, an event): reprice the seats at the named negotiations
    /// (<see cref="IRunParties.UpdateWorldAsync"/>). Seats at other negotiations keep their world, so
    /// a finished negotiation is never repriced (DESIGN §2 "Seams").
    /// </summary>
    [Alias("UpdateWorldAsync")]
    Task UpdateWorldAsync(IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds);

    /// <summary>Countries changed (<c>set-strategy</c>, <c>set-weights</c>): revise the seats at the named negotiations (<see cref="IRunParties.ReviseAsync"/>).</summary>
    [Alias("ReviseAsync")]
    Task ReviseAsync(IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds);

    /// <summary>The country's move on its turn in a negotiation (<see cref="NegotiationSeat.Decide"/>).</summary>
    [Alias("DecideAsync")]
    Task<NegotiationAction> DecideAsync(string negotiationId, TurnContext turn);

    /// <summary>What an agreement (null: no deal) is worth to the country now (<see cref="IRunParties.AssessAsync"/>).</summary>
    [Alias("AssessAsync")]
    Task<SeatAssessment> AssessAsync(string negotiationId, Outcome? agreement, int? offerTurn);

    /// <summary>The country's undiscounted utility of each outcome at a negotiation, in the world its seat is priced in now (<see cref="IRunParties.UtilitiesAsync"/>).</summary>
    [Alias("UtilitiesAsync")]
    Task<IReadOnlyList<double>> UtilitiesAsync(string negotiationId, IReadOnlyList<Outcome> outcomes);

    /// <summary>The run is over and its outcome taken: the country leaves memory (<see cref="Runs.IRunGrain.ReleaseAsync"/>).</summary>
    [Alias("ReleaseAsync")]
    Task ReleaseAsync();

    /// <summary>Side-effect-free view for the dashboard's grain-state page.</summary>
    [AlwaysInterleave]
    [Alias("GetState")]
    Task<CountryState> GetState();
}
