using Simulation.Model.Economics;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Tests.Shared;

/// <summary>
/// An independent, brute-force replay of a run, written from DESIGN §4–5 and docs/scenario-format.md for tests to
/// compare against. It shares only the economics (the market models and the objectives, which have
/// their own reference tests) and the scenario reader with the code under test; none of the
/// negotiation machinery: no agenda, no per-sector value tables, no Pareto frontier, no negotiator,
/// no protocol, no run engine, no grains.
/// </summary>
/// <remarks>
/// Every outcome of a negotiation is enumerated and valued by solving the whole world with and
/// without it (<see cref="ReferenceValuation"/>); the bargaining is <see cref="ReferenceTable"/>'s.
/// Rounds (§5.1, docs/scenario-format.md, "Events and start rounds"): a negotiation with <c>start: N</c> opens at
/// round N; then the round's events apply in the order they are written, whatever their trigger:
/// the <c>round: N</c> ones and those whose <c>when:</c> was met by a negotiation that ended in an
/// earlier round; every active
/// negotiation plays one round in the world as it stands; then the round's agreements are applied
/// in negotiation-id order. A negotiation's utility, reservation and gain are those of the world it
/// ended in (a terminated one: the world at the start of the round it was terminated in, after the
/// events before it); one never opened is <c>not_started</c>, assessed in the final world. The run
/// ends when no negotiation is active, no met <c>when:</c> event waits and none can still open.
/// Because V here is summed in another order than the model's per-sector value tables, it agrees
/// with them to rounding only (about 1e-15 of a utility); so wherever a choice hinges on two numbers
/// closer than <see cref="Tolerance"/>, the replay refuses to guess and throws; ratings of an
/// outcome for the other side that close count as equal. Exact
/// ties are split as the model's negotiator does: with the generator seeded by (seed, negotiation,
/// party, turns taken), over the tied outcomes in ascending level order. Whatever it cannot replay
/// (single-text, discrete issues, utility units, the backward-induction strategy, tit-for-tat at
/// tables of more than two, tables of more than two over more than 200,000 outcomes, the frequency
/// opponent model, a terminate before the negotiation opened) throws <see cref="NotSupportedException"/> naming it, rather than replaying something else.
/// </remarks>
public sealed class ReferenceRun
{
    /// <summary>Values (in the scenario's unit) or utilities closer than this are treated as equal.</summary>
    public const double Tolerance = 1e-12;

    /// <summary>A negotiation's end: <see cref="AgreedLevels"/> holds, per issue, the tariff (percent) or quota volume agreed.</summary>
    public sealed record NegotiationResult(
        string Id,
        string Status,
        int Round,
        IReadOnlyList<double>? AgreedLevels,
        IReadOnlyDictionary<string, double> Utility,
        IReadOnlyDictionary<string, double> Reservation,
        IReadOnlyDictionary<string, double> Gain);

    /// <summary>A move at a table: its round and turn (the negotiation's own, from 1), the party, the action, and the outcome (level indices) it concerns.</summary>
    public sealed record Move(int Round, int Turn, string Party, string Action, int[]? Outcome);

    /// <summary>The run: rounds played, each negotiation's end, and the run round each event applied in (in the order applied).</summary>
    public sealed record Result(int RoundsPlayed, IReadOnlyList<NegotiationResult> Negotiations, IReadOnlyList<(int Round, string Type, string Subject)> Events)
    {
        public NegotiationResult Negotiation(string id) => Negotiations.Single(n => n.Id == id);

        /// <summary>Every negotiation's moves, negotiations in the scenario's order.</summary>
        public required IReadOnlyDictionary<string, IReadOnlyList<Move>> Moves { get; init; }
    }

    private readonly Scenario _scenario;
    private readonly long _seed;
    private readonly ReferenceValuation _valuation;
    private readonly List<ReferenceTable> _tables;
    private readonly Dictionary<string, int> _endedRound = new(StringComparer.Ordinal);
    private readonly List<int> _pending;
    private readonly List<(int Round, string Type, string Subject)> _applied = [];
    private readonly HashSet<string> _newGovernments = new(StringComparer.Ordinal);
    private List<Country> _countries;
    private World _world;
    private int _version;
    private int _round;

    private ReferenceRun(Scenario scenario, long seed)
    {
        _scenario = scenario;
        _seed = seed;
        _valuation = new ReferenceValuation(scenario);
        _countries = [.. scenario.Countries];
        _world = World.FromScenario(scenario);
        _tables = [.. scenario.Negotiations.OrderBy(n => n.Id, StringComparer.Ordinal).Select(n => new ReferenceTable(n))];
        _pending = [.. Enumerable.Range(0, scenario.Events.Count)];
    }

    public static Result Play(Scenario scenario, long seed)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ReferenceSupport.EnsureSupported(scenario);
        return new ReferenceRun(scenario, seed).Run();
    }

    internal static void Unambiguous(double a, double b, string what)
    {
        if (a != b && Math.Abs(a - b) <= Tolerance)
        {
            throw new InvalidOperationException($"The reference replay cannot decide {what}: {a:R} and {b:R} differ by rounding only.");
        }
    }

    private Result Run()
    {
        while (CanGoOn())
        {
            _round++;
            foreach (var table in _tables.Where(t => t.Status == "not_started" && t.Spec.Start.Round == _round))
            {
                table.Open();
            }

            ApplyDueEvents();
            var ended = new List<ReferenceTable>();
            foreach (var table in _tables.Where(t => t.IsActive))
            {
                var values = ValuesOf(table);
                table.PlayRound(_countries, values, _seed, StrategyOf);
                if (!table.IsActive)
                {
                    table.Result = Assess(table, values);
                    _endedRound[table.Id] = _round;
                    ended.Add(table);
                }
            }

            foreach (var table in ended.Where(t => t.Agreement is not null))
            {
                _world = ReferenceValuation.After(_world, table.Spec, table.Outcomes[table.Agreement!.Value]);
                _version++;
            }
        }

        foreach (var table in _tables.Where(t => t.Status == "not_started"))
        {
            table.Result = Assess(table, ValuesOf(table));
        }

        return new Result(_round, [.. _scenario.Negotiations.Select(n => Table(n.Id).Result!)], _applied)
        {
            Moves = _scenario.Negotiations.ToDictionary(n => n.Id, n => (IReadOnlyList<Move>)Table(n.Id).Moves, StringComparer.Ordinal),
        };
    }

    private bool CanGoOn() =>
        _tables.Any(t => t.IsActive)
        || _pending.Any(i => _scenario.Events[i].Trigger is StatusTrigger s && Met(s))
        || _pending.Any(i => _scenario.Events[i].Trigger is AgreementTrigger a && Met(a, _round + 1))
        || _tables.Any(t => t.Status == "not_started" && t.Spec.Start.Round > _round)
        || _pending.Any(i => _scenario.Events[i] is StartEvent { Trigger: RoundTrigger r } e && r.Round > _round && Table(e.Negotiation).Status == "not_started");

    private bool Met(StatusTrigger trigger) =>
        _endedRound.TryGetValue(trigger.Negotiation, out var ended) && ended < _round + 1
        && Table(trigger.Negotiation).Status == StatusName(trigger);

    /// <summary>
    /// An agreement condition on a tariff (docs/scenario-format.md, "Reactions"), checked here from the
    /// table's own agreed outcome: the negotiation agreed before round <paramref name="round"/>, and the
    /// level its agreement gives the line's tariff issue is strictly below (or above) the bound.
    /// </summary>
    private bool Met(AgreementTrigger trigger, int round)
    {
        var table = Table(trigger.Negotiation);
        if (!_endedRound.TryGetValue(trigger.Negotiation, out var ended) || ended >= round || table.Agreement is not { } agreement)
        {
            return false;
        }

        var levels = table.Outcomes[agreement];
        var issue = table.Spec.Issues.Select((spec, i) => (Spec: spec as TariffIssueSpec, Level: levels[i]))
            .Single(x => x.Spec is { } t && (t.Importer, t.Exporter, t.Sector) == (trigger.Line.Importer, trigger.Line.Exporter, trigger.Line.Sector));
        var tariff = issue.Spec!.Levels[issue.Level];
        return trigger.Bound.IsAbove ? tariff > trigger.Bound.Value : tariff < trigger.Bound.Value;
    }

    private static string StatusName(StatusTrigger trigger) => StatusTrigger.Statuses.Single(s => s.Value == trigger.Status).Key;

    private ReferenceTable Table(string id) => _tables.Single(t => t.Id == id);

    private void ApplyDueEvents()
    {
        // Due: a `round: N` of this round, or a `when:` met by a negotiation that ended in an earlier
        // round; applied in the order they are written, whatever their trigger (docs/scenario-format.md).
        var due = _pending.Where(i => _scenario.Events[i].Trigger switch
        {
            RoundTrigger r => r.Round == _round,
            StatusTrigger s => _endedRound.TryGetValue(s.Negotiation, out var ended) && ended < _round && Table(s.Negotiation).Status == StatusName(s),
            AgreementTrigger a => Met(a, _round),
            _ => false,
        }).ToList();
        foreach (var index in due)
        {
            _pending.Remove(index);
            Apply(_scenario.Events[index]);
        }
    }

    private void Apply(ScenarioEvent scenarioEvent)
    {
        switch (scenarioEvent)
        {
            case TerminateEvent terminate:
                var table = Table(terminate.Negotiation);
                if (table.Status == "not_started")
                {
                    throw new NotSupportedException($"The reference replay does not replay a terminate event on {table.Id} before it opened.");
                }

                if (table.IsActive)
                {
                    var values = ValuesOf(table);
                    table.Terminate();
                    table.Result = Assess(table, values);
                    _endedRound[table.Id] = _round;
                    _applied.Add((_round, terminate.Type, table.Id));
                }

                break;
            case StartEvent start:
                if (Table(start.Negotiation).Status == "not_started")
                {
                    Table(start.Negotiation).Open();
                    _applied.Add((_round, start.Type, start.Negotiation));
                }

                break;
            case SetTariffEvent setTariff:
                var lines = _scenario.Trade
                    .Where(t => t.Importer == setTariff.Importer && t.Exporter == setTariff.Exporter && (setTariff.Sector is null || setTariff.Sector == SetTariffEvent.AllSectors || t.Sector == setTariff.Sector))
                    .Select(t => new TariffChange(new TariffLine(t.Importer, t.Exporter, t.Sector), setTariff.TariffPercent))
                    .Distinct()
                    .ToList();
                _world = _world.With(lines);
                _version++;
                _applied.Add((_round, setTariff.Type, $"{setTariff.Importer}<{setTariff.Exporter}"));
                break;
            case SetStrategyEvent setStrategy:
                Revise(setStrategy.Country, c => c with { Strategy = setStrategy.Strategy });
                // A new government's strategy replaces a negotiation's own override of the old one's too.
                _newGovernments.Add(setStrategy.Country);
                _applied.Add((_round, setStrategy.Type, setStrategy.Country));
                break;
            case SetWeightsEvent setWeights:
                Revise(setWeights.Country, c => c with
                {
                    LobbyWeights = setWeights.LobbyWeights ?? c.LobbyWeights,
                    PartnerWeights = setWeights.PartnerWeights ?? c.PartnerWeights,
                });
                _applied.Add((_round, setWeights.Type, setWeights.Country));
                break;
            default:
                throw new NotSupportedException($"The reference replay has no event '{scenarioEvent.Type}'.");
        }
    }

    private StrategySpec StrategyOf(ReferenceTable table, string party) =>
        (_newGovernments.Contains(party) ? null : table.Spec.Strategies.GetValueOrDefault(party)) ?? _countries.First(c => c.Id == party).Strategy;

    private void Revise(string country, Func<Country, Country> change)
    {
        _countries = [.. _countries.Select(c => c.Id == country ? change(c) : c)];
        _version++;
    }

    private ReferenceValuation.Values ValuesOf(ReferenceTable table)
    {
        if (table.Priced is not { } priced || priced.Version != _version)
        {
            table.Priced = priced = (_version, _valuation.Of(_countries, table.Spec, table.Outcomes, _world));
        }

        return priced.Values;
    }

    private NegotiationResult Assess(ReferenceTable table, ReferenceValuation.Values values)
    {
        var utility = new Dictionary<string, double>(StringComparer.Ordinal);
        var reservation = new Dictionary<string, double>(StringComparer.Ordinal);
        var gain = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var party in table.Spec.Parties)
        {
            var country = _countries.First(c => c.Id == party);
            var scale = ReferenceTable.Scale.Of(values.Own[party], table.Spec.Reservations.TryGetValue(party, out var set) ? set : country.Reservation);
            reservation[party] = scale.Reservation;
            if (table.Agreement is { } agreement)
            {
                gain[party] = values.Own[party][agreement];
                // An agreement on the offer made at turn m is worth u·δ^(m−1) (DESIGN §4.2); the gain is not discounted.
                utility[party] = scale.Utility[agreement] * Math.Pow(table.DiscountOf(party, _countries), table.AgreementTurn - 1);
            }
            else
            {
                gain[party] = 0;
                utility[party] = scale.Reservation;
            }
        }

        IReadOnlyList<double>? levels = table.Agreement is { } agreed
            ? [.. table.Spec.Issues.Select((issue, i) => issue switch
            {
                TariffIssueSpec tariff => tariff.Levels[table.Outcomes[agreed][i]],
                QuotaIssueSpec quota => quota.Volumes[table.Outcomes[agreed][i]],
                _ => throw new NotSupportedException($"The reference replay has no issue of type {issue.GetType().Name}."),
            })]
            : null;
        return new NegotiationResult(table.Id, table.Status, table.Status == "not_started" ? 0 : table.Round, levels, utility, reservation, gain);
    }
}
