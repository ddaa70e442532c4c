using System.Globalization;
using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// A run's countries and negotiations as plain objects in this process: the same seats, protocols
/// and seeding as the grains, without a silo (tests, <c>run --engine local</c>). A country's
/// move at a turn is drawn with a generator seeded by (run seed, negotiation, party, turns taken),
/// as the country grain does, so both give the same run.
/// </summary>
public sealed class InProcessRun : INegotiationTables, IRunParties
{
    private readonly Scenario _scenario;
    private readonly long _seed;
    private Scenario _countries;
    private readonly Dictionary<string, NegotiationTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Party, string Negotiation), NegotiationSeat> _seats = [];

    public InProcessRun(Scenario scenario, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        _scenario = scenario;
        _countries = scenario;
        _seed = seed;
    }

    /// <summary>
    /// Plays <paramref name="scenario"/> to the end in this process, with the seed <paramref name="started"/>
    /// names, telling <paramref name="events"/> what happens (<see cref="RunEngine.RunAsync"/>).
    /// </summary>
    public static Task<RunResult> PlayAsync(
        Scenario scenario, RunStarted started, Action<RunEvent>? events = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        var run = new InProcessRun(scenario, started.Seed);
        return new RunEngine(scenario, run, run).RunAsync(started, events, cancellation);
    }

    /// <summary>
    /// Plays <paramref name="scenario"/>, read from <paramref name="scenarioText"/> in <paramref name="scenarioFile"/>,
    /// with <paramref name="seed"/>, in this process, and folds its events into its outcome (<see cref="RunOutcomes"/>).
    /// </summary>
    public static async Task<RunOutcome> OutcomeAsync(Scenario scenario, string scenarioText, string scenarioFile, long seed, CancellationToken cancellation = default)
    {
        var events = new List<RunEvent>();
        await PlayAsync(scenario, RunStarted.For(scenario, scenarioText, seed), events.Add, cancellation);
        return RunOutcomes.Assemble(scenario, events, scenarioFile);
    }

    public Task OpenAsync(TariffAgenda agenda)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        _tables[agenda.Spec.Id] = NegotiationTable.Open(agenda, _seed);
        return Task.CompletedTask;
    }

    public Task<RoundReport> PlayRoundAsync(string negotiationId) =>
        _tables[negotiationId].PlayRoundAsync((party, turn) => ValueTask.FromResult(Decide(party, negotiationId, turn)));

    public Task<RoundReport> TerminateAsync(string negotiationId) => Task.FromResult(_tables[negotiationId].Terminate());

    public Task JoinAsync(string party)
    {
        var world = AgreedWorld.Of(_scenario, [], []);
        foreach (var negotiation in _scenario.Negotiations.Where(n => n.Parties.Contains(party)))
        {
            _seats[(party, negotiation.Id)] = NegotiationSeat.Take(_scenario, negotiation, party, world);
        }

        return Task.CompletedTask;
    }

    public Task UpdateWorldAsync(string party, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        ArgumentNullException.ThrowIfNull(negotiationIds);
        var world = AgreedWorld.Of(_scenario, tariffChangesSoFar, quotaChangesSoFar);
        foreach (var id in negotiationIds)
        {
            if (_seats.TryGetValue((party, id), out var seat))
            {
                seat.Reprice(world);
            }
            else
            {
                _seats[(party, id)] = NegotiationSeat.Take(_countries, _countries.Negotiation(id), party, world);
            }
        }

        return Task.CompletedTask;
    }

    public Task ReviseAsync(string party, IReadOnlyList<int> countryEventsSoFar, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        ArgumentNullException.ThrowIfNull(negotiationIds);
        _countries = Scenarios.Events.ScenarioRevision.After(_scenario, countryEventsSoFar);
        var world = AgreedWorld.Of(_scenario, tariffChangesSoFar, quotaChangesSoFar);
        foreach (var id in negotiationIds)
        {
            Seat(party, id).Revise(_countries, world);
        }

        return Task.CompletedTask;
    }

    public Task<SeatAssessment> AssessAsync(string party, string negotiationId, Outcome? agreement, int? offerTurn) =>
        Task.FromResult(Assess(Seat(party, negotiationId), agreement, offerTurn));

    public Task<IReadOnlyList<double>> UtilitiesAsync(string party, string negotiationId, IReadOnlyList<Outcome> outcomes) =>
        Task.FromResult(Utilities(Seat(party, negotiationId), outcomes));

    /// <summary>
    /// What an agreement is worth at a seat: utility discounted by the turn of the agreed offer,
    /// u·δ^(m−1) (DESIGN §4.2); the gain, in money, is not: it is what the deal does to the economy
    /// once in force, whenever it was agreed. No deal: the reservation, and gain 0.
    /// </summary>
    public static SeatAssessment Assess(NegotiationSeat seat, Outcome? agreement, int? offerTurn)
    {
        ArgumentNullException.ThrowIfNull(seat);
        var preferences = seat.Preferences;
        if (agreement is null)
        {
            return new SeatAssessment(preferences.Reservation, preferences.Reservation, 0);
        }

        var utility = NegotiationView.Discounted(preferences.Utility(agreement), seat.Discount, offerTurn ?? 1);
        return new SeatAssessment(utility, preferences.Reservation, preferences.Value(agreement));
    }

    /// <summary>The seat's undiscounted utility of each outcome, in the world it is priced in.</summary>
    public static IReadOnlyList<double> Utilities(NegotiationSeat seat, IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(outcomes);
        return [.. outcomes.Select(seat.Preferences.Utility)];
    }

    /// <summary>The seat's move at a turn, drawn with the generator seeded by (seed, negotiation, party, turns taken).</summary>
    public static NegotiationAction Decide(NegotiationSeat seat, long seed, string negotiationId, TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(seat);
        ArgumentNullException.ThrowIfNull(turn);
        // A fresh generator per turn: the same scenario and seed make the same choices wherever and
        // however often a country is asked.
        var random = SeededRandom.For(seed, negotiationId, seat.Party, turn.TurnsTaken.ToString(CultureInfo.InvariantCulture));
        return seat.Negotiator.Decide(turn, random);
    }

    private NegotiationAction Decide(string party, string negotiationId, TurnContext turn) =>
        Decide(Seat(party, negotiationId), _seed, negotiationId, turn);

    private NegotiationSeat Seat(string party, string negotiationId) =>
        _seats.TryGetValue((party, negotiationId), out var seat)
            ? seat
            : throw new InvalidOperationException($"{party} has no seat at negotiation {negotiationId}.");
}
