using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Runs;

/// <summary>
/// A run's global round clock (DESIGN §5.1), written once for every host (§2 "Seams"). Each round
/// every active negotiation plays its round; the negotiations that ended are assessed, with their
/// turns valued, in the world of that round; agreements are then applied in negotiation-id order,
/// never in the order they arrived, and the parties of still-active negotiations whose sectors
/// changed are told, so the next round's utilities are those of the new world. Before a round plays,
/// the negotiations declared to start at it open and the scenario's events due are applied, in the
/// order of the file (<see cref="ApplyDueEventsAsync"/>); <see cref="CanGoOn"/> says when the run ends.
/// Rounds of a negotiation (its deadline, its result's round, its trace) count from the round it
/// opened; events are dated in run rounds. Awaits keep their context on purpose: in a grain the engine must run on
/// the grain's own scheduler.
/// </summary>
/// <remarks>
/// What happens is told, as it happens, as typed <see cref="RunEvent"/>s (DESIGN §2 "Run events and
/// the journal"), in an order that depends only on the scenario and the seed: the run's start; then
/// each round: the negotiations opened, the scenario events applied (each after what it did: a
/// negotiation it opened or ended, then the event, then the world it changed), every turn of each negotiation in
/// id order, the negotiations that ended in id order, the worlds changed by their agreements in id
/// order, and the round completed; at the end the negotiations that never opened, and the run's end.
/// </remarks>
public sealed class RunEngine : IEventActions
{
    private readonly Scenario _scenario;
    private readonly INegotiationTables _tables;
    private readonly IRunParties _parties;
    private readonly List<TariffChange> _tariffChanges = [];
    private readonly List<QuotaChange> _quotaChanges = [];
    private readonly SortedDictionary<string, RoundReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TurnPlayed>> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NegotiationResult> _concluded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _endedRound = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _openedRound = new(StringComparer.Ordinal);
    private readonly List<int> _pending = [];

    // The scenario's negotiations in id order: the order _reports keeps, walked without enumerating its tree.
    private readonly List<NegotiationSpec> _inIdOrder;

    // Pending events whose when: has held, by index, with what held: due at the start of the next round.
    private readonly SortedDictionary<int, string> _met = [];
    private readonly List<int> _countryEvents = [];
    private readonly List<AppliedEvent> _applied = [];
    private Dictionary<string, TariffAgenda> _agendas = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<Outcome, (IReadOnlyList<int> Levels, IReadOnlyList<OutcomeEntry> Entries)>> _described = new(StringComparer.Ordinal);
    private Action<RunEvent> _tell = static _ => { };

    public RunEngine(Scenario scenario, INegotiationTables tables, IRunParties parties)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(parties);
        _scenario = scenario;
        _tables = tables;
        _parties = parties;
        _inIdOrder = [.. scenario.Negotiations.OrderBy(n => n.Id, StringComparer.Ordinal)];
    }

    /// <summary>The round under way, or the last one played.</summary>
    public int Round { get; private set; }

    /// <summary>Negotiations still active at the start of the round under way.</summary>
    public int ActiveNegotiations { get; private set; }

    /// <summary>The tariff changes applied so far, in order.</summary>
    public IReadOnlyList<TariffChange> TariffChanges => _tariffChanges;

    /// <summary>The tariff-rate quotas put on lines so far, in order.</summary>
    public IReadOnlyList<QuotaChange> QuotaChanges => _quotaChanges;

    /// <summary>The scenario events applied so far, in order.</summary>
    public IReadOnlyList<AppliedEvent> AppliedEvents => _applied;

    /// <summary>
    /// A wait between rounds, so a person can watch the run (DESIGN §5.4 <c>--pace</c>); zero: none.
    /// It is awaited, not slept, so a grain's scheduler stays free, and it never changes the outcome.
    /// </summary>
    public TimeSpan Pace { get; init; }

    /// <summary>
    /// The rounds, from the first, played again only to rebuild a run's state from its journal (a
    /// resumed run): nobody watches them, so no <see cref="Pace"/> wait follows them.
    /// </summary>
    public int ReplayedRounds { get; init; }

    /// <summary>Every opened negotiation's status so far, by id.</summary>
    public IReadOnlyDictionary<string, NegotiationStatus> Statuses =>
        _reports.ToDictionary(r => r.Key, r => r.Value.Status, StringComparer.Ordinal);

    /// <summary>
    /// The last round the run can reach as it stands: every table ended by its end, every open table
    /// by its deadline counted from the round it opened, every table with a fixed later start by that
    /// start plus its deadline. Once the run is over every table has ended (one never opened ends in
    /// the last round), so it is the rounds played. A table that waits for an event is not counted
    /// until it opens. A watcher's clock reads "round R of <see cref="Horizon"/>",
    /// which the longest deadline alone would understate when tables open late.
    /// </summary>
    public int Horizon
    {
        get
        {
            var horizon = Round;
            foreach (var n in _scenario.Negotiations)
            {
                var end = _endedRound.TryGetValue(n.Id, out var ended) ? ended
                    : _openedRound.TryGetValue(n.Id, out var opened) ? opened + n.Rounds - 1
                    : n.Start.Round is { } start ? start + n.Rounds - 1
                    : 0;
                horizon = Math.Max(horizon, end);
            }

            return horizon;
        }
    }

    /// <summary>An opened negotiation's turns so far, each valued by every party (the trace).</summary>
    public IReadOnlyList<TurnPlayed> History(string negotiationId) => _histories[negotiationId];

    /// <summary>The rounds an opened negotiation has played so far.</summary>
    public int RoundsPlayed(string negotiationId) => _reports[negotiationId].RoundsPlayed;

    /// <summary>The tariff agenda of a negotiation, which reads its outcomes as tariffs.</summary>
    public TariffAgenda Agenda(string negotiationId) => _agendas[negotiationId];

    /// <summary>The agreement of every negotiation that has agreed so far, by id.</summary>
    public IReadOnlyDictionary<string, Outcome> Agreements =>
        _reports.Where(r => r.Value.Agreement is not null).ToDictionary(r => r.Key, r => r.Value.Agreement!, StringComparer.Ordinal);

    /// <summary>
    /// Plays the run to its end, telling <paramref name="events"/> what happens, starting with
    /// <paramref name="started"/>; <paramref name="cancellation"/> is honoured between rounds and during
    /// the <see cref="Pace"/> wait. The listener is called on the engine's own thread, in order.
    /// </summary>
    public async Task<RunResult> RunAsync(RunStarted started, Action<RunEvent>? events = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        _tell = events ?? _tell;
        _tell(started);
        var parties = _scenario.Negotiations.SelectMany(n => n.Parties).Distinct().Order(StringComparer.Ordinal).ToList();
        await Task.WhenAll(parties.Select(_parties.JoinAsync));

        var negotiations = _inIdOrder;
        _agendas = negotiations.ToDictionary(n => n.Id, n => TariffAgenda.For(n, _scenario.Blocks), StringComparer.Ordinal);
        _pending.AddRange(Enumerable.Range(0, _scenario.Events.Count));

        while (CanGoOn())
        {
            cancellation.ThrowIfCancellationRequested();
            Round++;
            await OpenAsync(OpeningAt(negotiations));
            if (_pending.Count > 0)
            {
                await ApplyDueEventsAsync();
            }

            // _reports is sorted by id, so the reports come back in id order whatever order they finish in.
            var active = ActiveIds();
            ActiveNegotiations = active.Count;
            var inOrder = active.Count == 1 ? [await _tables.PlayRoundAsync(active[0])] : await Task.WhenAll(active.Select(_tables.PlayRoundAsync));

            // Every turn of this round, and every negotiation that ended in it, is valued in the
            // world as it stood during the round, before any of this round's agreements changes it.
            foreach (var report in inOrder)
            {
                var turns = await ValueTurnsAsync(report);
                _histories[report.NegotiationId].AddRange(turns);
                foreach (var turn in turns)
                {
                    _tell(TurnTakenOf(report.NegotiationId, turn));
                }
            }

            foreach (var report in inOrder)
            {
                if (!report.IsActive)
                {
                    await ConcludeAsync(report);
                }
            }

            HashSet<string>? changedSectors = null;
            foreach (var report in inOrder)
            {
                _reports[report.NegotiationId] = report;
                if (report.Agreement is { } agreement)
                {
                    var tariffs = _agendas[report.NegotiationId].ChangesOf(agreement).ToList();
                    foreach (var change in tariffs)
                    {
                        _tariffChanges.Add(change);
                        (changedSectors ??= new(StringComparer.Ordinal)).Add(change.Line.Sector);
                    }

                    // A quota on a line moves its sector's markets as a tariff does (DESIGN §4.1).
                    var quotas = _agendas[report.NegotiationId].QuotaChangesOf(agreement).ToList();
                    foreach (var change in quotas)
                    {
                        _quotaChanges.Add(change);
                        (changedSectors ??= new(StringComparer.Ordinal)).Add(change.Line.Sector);
                    }

                    if (tariffs.Count > 0 || quotas.Count > 0)
                    {
                        _tell(new WorldChanged(Round, report.NegotiationId, null, tariffs, quotas));
                    }
                }
            }

            if (changedSectors is not null)
            {
                await TellAffectedPartiesAsync(changedSectors);
            }

            if (_pending.Count > 0)
            {
                CheckConditions();
            }

            _tell(new RoundCompleted(Round, ActiveNegotiations, Horizon));
            if (Pace > TimeSpan.Zero && Round > ReplayedRounds && CanGoOn())
            {
                await Task.Delay(Pace, cancellation);
            }
        }

        ActiveNegotiations = 0;
        // A negotiation that never opened is assessed, with no deal, in the world the run ended in.
        foreach (var n in negotiations.Where(n => !_reports.ContainsKey(n.Id)))
        {
            await RefreshSeatsAsync([n.Id]);
            await ConcludeAsync(new RoundReport(n.Id, NegotiationStatus.NotStarted, 0, null, null, []));
        }

        _tell(new RunEnded(Round));

        return new RunResult(Round, [.. _scenario.Negotiations.Select(n => _concluded[n.Id])], [.. _tariffChanges], [.. _quotaChanges], [.. _applied]);
    }

    /// <summary>The negotiations declared to start at this round and not yet open, in id order.</summary>
    private List<string> OpeningAt(List<NegotiationSpec> negotiations)
    {
        var opening = new List<string>(0);
        foreach (var n in negotiations)
        {
            if (n.Start.Round == Round && !_reports.ContainsKey(n.Id))
            {
                opening.Add(n.Id);
            }
        }

        return opening;
    }

    /// <summary>The negotiations still active, in id order.</summary>
    private List<string> ActiveIds()
    {
        var active = new List<string>(_reports.Count);
        foreach (var n in _inIdOrder)
        {
            if (_reports.TryGetValue(n.Id, out var report) && report.IsActive)
            {
                active.Add(n.Id);
            }
        }

        return active;
    }

    /// <summary>
    /// Whether the run plays another round (DESIGN §5.1: it ends when no negotiation is active and no
    /// event is pending). Made precise: it goes on while a negotiation is active, while an event whose
    /// <c>when:</c> has been met waits for the next round (that round is played even with nothing left
    /// to negotiate, so a retaliation after a walk-out still changes the world; a condition that has not
    /// held by then never will, as nothing changes the world any more), or while a negotiation
    /// not yet open can still open (<c>start: N</c> in a later round, or a pending <c>start</c> event
    /// due at a later round). A <c>round:</c> event later than all of that is never reached and not applied:
    /// the run does not play empty rounds only to wait for it.
    /// </summary>
    private bool CanGoOn()
    {
        if (_met.Count > 0)
        {
            return true;
        }

        foreach (var n in _inIdOrder)
        {
            if (_reports.TryGetValue(n.Id, out var report) && report.IsActive)
            {
                return true;
            }
        }

        return _scenario.Negotiations.Any(n => !_reports.ContainsKey(n.Id) && n.Start.Round > Round)
            || _pending.Any(i => _scenario.Events[i] is StartEvent { Trigger: RoundTrigger t } e && t.Round > Round && !_reports.ContainsKey(e.Negotiation));
    }

    /// <summary>
    /// Checks, after a round's agreements are applied (DESIGN §5.1), the <c>when:</c> of every pending
    /// event not yet met, in the order of the file; one that holds is due at the start of the next
    /// round, even if it no longer holds then, and is never checked again. A negotiation's status is
    /// final once it ended, so a status condition is met in the round the negotiation ended, whether
    /// it ended playing or by an event at the round's start.
    /// </summary>
    private void CheckConditions()
    {
        var run = new RunConditions(
            _scenario,
            id => _reports.TryGetValue(id, out var report) ? report.Status : null,
            id => _reports.TryGetValue(id, out var report) && report.Agreement is { } agreed ? _agendas[id].Describe(agreed) : null,
            CurrentWorld);
        foreach (var index in _pending)
        {
            if (!_met.ContainsKey(index) && _scenario.Events[index].Trigger is ConditionTrigger condition && condition.Check(run) is { } held)
            {
                _met[index] = held;
            }
        }
    }

    /// <summary>
    /// Applies, in the order of the file, the events due at the start of this round: <c>round: N</c>
    /// for this round, and <c>when:</c> conditions met at the end of an earlier round (an event cannot
    /// act inside the round that triggered it, since that round's negotiations play in parallel, so
    /// it acts at the start of the next). Each is applied in full before the next.
    /// </summary>
    private async Task ApplyDueEventsAsync()
    {
        var due = _pending.Where(i => _scenario.Events[i].Trigger is RoundTrigger r ? r.Round == Round : _met.ContainsKey(i)).ToList();
        foreach (var index in due)
        {
            _pending.Remove(index);
            var applied = await ApplyAsync(index, _scenario.Events[index]);
            if (_met.Remove(index, out var held) && applied is not null && _scenario.Events[index].Trigger is ConditionTrigger { IsNamedInOutcome: true })
            {
                applied = applied with { When = held };
            }

            if (applied is not null)
            {
                _applied.Add(applied);
                _tell(new EventApplied(Round, index, EventTypes.Of(applied.Event).Outcome(applied)));
                if (applied.TariffChanges.Count > 0)
                {
                    _tell(new WorldChanged(Round, null, index, applied.TariffChanges, []));
                }
            }
        }
    }

    /// <summary>
    /// One event, applied now; null when it has nothing to act on (a <c>terminate</c> of a negotiation
    /// that has already ended, a <c>start</c> of one already opened or ended), and is not listed.
    /// </summary>
    private Task<AppliedEvent?> ApplyAsync(int index, ScenarioEvent scenarioEvent) =>
        EventTypes.Of(scenarioEvent).ApplyAsync(this, index, scenarioEvent);

    Scenario IEventActions.Scenario => _scenario;

    NegotiationStatus? IEventActions.StatusOf(string negotiation) => _reports.TryGetValue(negotiation, out var report) ? report.Status : null;

    Task IEventActions.OpenAsync(string negotiation) => OpenAsync([negotiation]);

    async Task IEventActions.TerminateAsync(string negotiation)
    {
        var ended = await _tables.TerminateAsync(negotiation);
        await ConcludeAsync(ended);
        _reports[ended.NegotiationId] = ended;
    }

    async Task IEventActions.TerminateUnopenedAsync(string negotiation)
    {
        await RefreshSeatsAsync([negotiation]);
        var unopened = new RoundReport(negotiation, NegotiationStatus.Terminated, 0, null, null, []);
        _histories[negotiation] = [];
        await ConcludeAsync(unopened);
        _reports[negotiation] = unopened;
    }

    async Task IEventActions.SetTariffsAsync(IReadOnlyList<TariffChange> changes)
    {
        _tariffChanges.AddRange(changes);
        if (changes.Count > 0)
        {
            await TellAffectedPartiesAsync(new HashSet<string>(changes.Select(c => c.Line.Sector), StringComparer.Ordinal));
        }
    }

    async Task IEventActions.ReviseCountryAsync(int index, string country)
    {
        _countryEvents.Add(index);
        // Every party at the country's open negotiations: the country for its objective or
        // strategy, the others for how their economic model sees it (λ = 0 still).
        var open = _reports.Values
            .Where(r => r.IsActive && _scenario.Negotiation(r.NegotiationId).Parties.Contains(country))
            .Select(r => r.NegotiationId)
            .ToList();
        await ReviseAsync(open);
    }

    /// <summary>Opens negotiations at this round, their seats brought to the world and countries of now.</summary>
    private async Task OpenAsync(IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await RefreshSeatsAsync(ids);
        await Task.WhenAll(ids.Select(id => _tables.OpenAsync(_agendas[id])));
        foreach (var id in ids)
        {
            _reports[id] = new RoundReport(id, NegotiationStatus.Active, 0, null, null, []);
            _histories[id] = [];
            _openedRound[id] = Round;
            var spec = _scenario.Negotiation(id);
            _tell(new NegotiationOpened(Round, id, spec.Parties, spec.Protocol, Round + spec.Rounds - 1));
        }
    }

    /// <summary>Seats taken at the start in the scenario's world are brought to the present, if anything changed since.</summary>
    private Task RefreshSeatsAsync(IReadOnlyList<string> ids) =>
        _countryEvents.Count > 0 ? ReviseAsync(ids)
        : _tariffChanges.Count > 0 || _quotaChanges.Count > 0 ? UpdateAsync(ids)
        : Task.CompletedTask;

    private Task ReviseAsync(IReadOnlyList<string> ids)
    {
        var events = _countryEvents.ToList();
        var changes = _tariffChanges.ToList();
        var quotas = _quotaChanges.ToList();
        return Task.WhenAll(BySeat(ids).Select(g => _parties.ReviseAsync(g.Party, events, changes, quotas, g.Negotiations)));
    }

    private Task UpdateAsync(IReadOnlyList<string> ids)
    {
        var changes = _tariffChanges.ToList();
        var quotas = _quotaChanges.ToList();
        return Task.WhenAll(BySeat(ids).Select(g => _parties.UpdateWorldAsync(g.Party, changes, quotas, g.Negotiations)));
    }

    /// <summary>The seats at <paramref name="ids"/>, grouped by party in id order.</summary>
    private IEnumerable<(string Party, IReadOnlyList<string> Negotiations)> BySeat(IReadOnlyList<string> ids) =>
        ids.Select(_scenario.Negotiation)
            .SelectMany(n => n.Parties.Select(party => (Party: party, Negotiation: n.Id)))
            .GroupBy(seat => seat.Party, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, (IReadOnlyList<string>)[.. g.Select(seat => seat.Negotiation)]));

    /// <summary>The base world with every agreement applied so far.</summary>
    public World CurrentWorld() => AgreedWorld.Of(_scenario, _tariffChanges, _quotaChanges);

    private async Task<IReadOnlyList<TurnPlayed>> ValueTurnsAsync(RoundReport report)
    {
        var parties = _scenario.Negotiation(report.NegotiationId).Parties;
        var offers = new List<Outcome>(report.Turns.Count);
        foreach (var turn in report.Turns)
        {
            if (turn.Offer is not null)
            {
                offers.Add(turn.Offer);
            }
        }

        var utilities = new IReadOnlyList<double>[parties.Count];
        for (var p = 0; p < parties.Count; p++)
        {
            utilities[p] = offers.Count == 0 ? [] : await _parties.UtilitiesAsync(parties[p], report.NegotiationId, offers);
        }

        var valued = new List<TurnPlayed>(report.Turns.Count);
        var offer = 0;
        foreach (var turn in report.Turns)
        {
            IReadOnlyList<double> values = [];
            if (turn.Offer is not null)
            {
                var i = offer++;
                var byParty = new double[parties.Count];
                for (var p = 0; p < byParty.Length; p++)
                {
                    byParty[p] = utilities[p][i];
                }

                values = byParty;
            }

            valued.Add(new TurnPlayed(turn.Round, turn.Turn, turn.Party, turn.Action, turn.Offer, values));
        }

        return valued;
    }

    private async Task ConcludeAsync(RoundReport report)
    {
        _endedRound[report.NegotiationId] = Round;
        var spec = _scenario.Negotiation(report.NegotiationId);
        var assessments = new Dictionary<string, SeatAssessment>(StringComparer.Ordinal);
        foreach (var party in spec.Parties)
        {
            assessments[party] = await _parties.AssessAsync(party, spec.Id, report.Agreement, report.AgreedOfferTurn);
        }

        var analysis = NegotiationAnalysis.InWorld(
            _scenario, _agendas[spec.Id], CurrentWorld(), [.. spec.Parties.Select(p => assessments[p].Reservation)], report.Agreement);
        _concluded[spec.Id] = new NegotiationResult(
            spec.Id, report.Status, report.RoundsPlayed, report.Agreement, assessments, analysis, _histories.GetValueOrDefault(spec.Id) ?? []);
        var agenda = _agendas[spec.Id];
        _tell(new NegotiationEnded(
            Round,
            spec.Id,
            report.Status,
            report.RoundsPlayed,
            report.Agreement is { } agreed ? [.. agreed.Levels] : null,
            report.Agreement is { } described ? OutcomeEntries.Of(agenda, described) : null,
            ByParty(spec.Parties, i => assessments[spec.Parties[i]].Utility),
            ByParty(spec.Parties, i => assessments[spec.Parties[i]].Reservation),
            ByParty(spec.Parties, i => assessments[spec.Parties[i]].Gain),
            AnalysisOutcomes.From(analysis, agenda)));
    }

    /// <summary>A turn as the event that reports it: the outcome concerned as levels and as tariffs, each party's utility of it by name.</summary>
    private TurnTaken TurnTakenOf(string negotiationId, TurnPlayed turn)
    {
        var (levels, entries) = turn.Offer is { } offer ? Described(negotiationId, offer) : (null, null);
        return new(
            Round,
            negotiationId,
            turn.Round,
            turn.Turn,
            turn.Party,
            turn.Action,
            levels,
            entries,
            turn.Offer is null ? null : ByParty(_scenario.Negotiation(negotiationId).Parties, i => turn.Utilities[i]));
    }

    /// <summary>
    /// An outcome as turns report it, as levels and as tariffs, made once per outcome and negotiation
    /// in a run: negotiators repeat their bids for many turns while their targets move little, and
    /// the reports are immutable, so every turn that names the outcome shares them.
    /// </summary>
    private (IReadOnlyList<int> Levels, IReadOnlyList<OutcomeEntry> Entries) Described(string negotiationId, Outcome outcome)
    {
        if (!_described.TryGetValue(negotiationId, out var described))
        {
            _described[negotiationId] = described = [];
        }

        if (!described.TryGetValue(outcome, out var both))
        {
            described[outcome] = both = ([.. outcome.Levels], OutcomeEntries.Of(_agendas[negotiationId], outcome));
        }

        return both;
    }

    /// <summary>A value per party, in the negotiation's party order (the order the outcome's maps keep).</summary>
    private static Dictionary<string, double> ByParty(IReadOnlyList<string> parties, Func<int, double> value)
    {
        var byParty = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < parties.Count; i++)
        {
            byParty[parties[i]] = value(i);
        }

        return byParty;
    }

    /// <summary>
    /// Parties to still-active negotiations over a sector that changed see the new world, for
    /// those negotiations only: their seats at finished ones keep the world they ended in.
    /// </summary>
    private Task TellAffectedPartiesAsync(IReadOnlySet<string> changedSectors)
    {
        if (_countryEvents.Count > 0)
        {
            // Countries changed too: seats are revised, so a repriced seat keeps the new countries.
            return ReviseAsync([.. _reports.Values
                .Where(r => r.IsActive && _agendas[r.NegotiationId].Sectors.Any(changedSectors.Contains))
                .Select(r => r.NegotiationId)]);
        }

        var repriced = _reports.Values
            .Where(r => r.IsActive && _agendas[r.NegotiationId].Sectors.Any(changedSectors.Contains))
            .Select(r => _scenario.Negotiation(r.NegotiationId))
            .ToList();
        var snapshot = _tariffChanges.ToList();
        var quotaSnapshot = _quotaChanges.ToList();
        return Task.WhenAll(repriced
            .SelectMany(n => n.Parties.Select(party => (Party: party, Negotiation: n.Id)))
            .GroupBy(seat => seat.Party, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => _parties.UpdateWorldAsync(g.Key, snapshot, quotaSnapshot, [.. g.Select(seat => seat.Negotiation)])));
    }
}
