using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// A run's countries and negotiations as plain objects in this process: the same seats, protocols
/// and seeding as the grains, without a silo (tests, <c>run --engine local</c>). A country's
/// move is its seat's (<see cref="NegotiationSeat.Decide"/>), as in the country grain, so both give
/// the same run.
/// </summary>
public sealed class InProcessRun : INegotiationTables, IRunParties
{
    private readonly Scenario _scenario;
    private readonly long _seed;
    private Scenario _countries;
    private readonly Dictionary<string, NegotiationTable> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Party, string Negotiation), NegotiationSeat> _seats = [];

    // The world of the last agreements seen, shared by every party told of them, so that its
    // valuation memo (ValuationMemo) serves both seats at a table and every table of a sector.
    private (IReadOnlyList<TariffChange> Tariffs, IReadOnlyList<QuotaChange> Quotas, World World)? _world;

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
        _tables[negotiationId].PlayRoundAsync((party, turn) => ValueTask.FromResult(Seat(party, negotiationId).Decide(_seed, turn)));

    public Task<RoundReport> TerminateAsync(string negotiationId) => Task.FromResult(_tables[negotiationId].Terminate());

    public Task JoinAsync(string party)
    {
        var world = WorldAfter([], []);
        foreach (var negotiation in _scenario.Negotiations.Where(n => n.Parties.Contains(party)))
        {
            _seats[(party, negotiation.Id)] = NegotiationSeat.Take(_scenario, negotiation, party, world);
        }

        return Task.CompletedTask;
    }

    public Task UpdateWorldAsync(string party, IReadOnlyList<TariffChange> tariffChangesSoFar, IReadOnlyList<QuotaChange> quotaChangesSoFar, IReadOnlyList<string> negotiationIds)
    {
        ArgumentNullException.ThrowIfNull(negotiationIds);
        var world = WorldAfter(tariffChangesSoFar, quotaChangesSoFar);
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
        var world = WorldAfter(tariffChangesSoFar, quotaChangesSoFar);
        foreach (var id in negotiationIds)
        {
            Seat(party, id).Revise(_countries, world);
        }

        return Task.CompletedTask;
    }

    public Task<SeatAssessment> AssessAsync(string party, string negotiationId, Outcome? agreement, int? offerTurn) =>
        Task.FromResult(Seat(party, negotiationId).Assess(agreement, offerTurn));

    public Task<IReadOnlyList<double>> UtilitiesAsync(string party, string negotiationId, IReadOnlyList<Outcome> outcomes) =>
        Task.FromResult(Seat(party, negotiationId).Utilities(outcomes));

    /// <summary>
    /// The base world with these changes, built once for all the parties told of them: the engine
    /// tells each party the same lists, which only grow during a run, so equal contents mean the
    /// same world (compared in full, so a caller that did otherwise would get a fresh world).
    /// </summary>
    private World WorldAfter(IReadOnlyList<TariffChange> tariffChanges, IReadOnlyList<QuotaChange> quotaChanges)
    {
        if (_world is { } known && known.Tariffs.SequenceEqual(tariffChanges) && known.Quotas.SequenceEqual(quotaChanges))
        {
            return known.World;
        }

        var world = AgreedWorld.Of(_scenario, tariffChanges, quotaChanges);
        _world = ([.. tariffChanges], [.. quotaChanges], world);
        return world;
    }

    private NegotiationSeat Seat(string party, string negotiationId) =>
        _seats.TryGetValue((party, negotiationId), out var seat)
            ? seat
            : throw new InvalidOperationException($"{party} has no seat at negotiation {negotiationId}.");
}
