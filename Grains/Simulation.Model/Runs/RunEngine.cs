using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// A run's global round clock (DESIGN §5.1), written once for every host (§2 "Seams"). Each round
/// every active negotiation plays its round; the negotiations that ended are assessed, with their
/// turns valued, in the world of that round; agreements are then applied in negotiation-id order,
/// never in the order they arrived, and the parties of still-active negotiations whose sectors
/// changed are told, so the next round's utilities are those of the new world. The run ends when no
/// negotiation is active. Awaits keep their context on purpose: in a grain the engine must run on
/// the grain's own scheduler.
/// </summary>
public sealed class RunEngine
{
    private readonly Scenario _scenario;
    private readonly INegotiationTables _tables;
    private readonly IRunParties _parties;
    private readonly List<TariffChange> _tariffChanges = [];
    private readonly List<QuotaChange> _quotaChanges = [];
    private readonly SortedDictionary<string, RoundReport> _reports = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TurnPlayed>> _histories = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NegotiationResult> _concluded = new(StringComparer.Ordinal);
    private Dictionary<string, TariffAgenda> _agendas = new(StringComparer.Ordinal);

    public RunEngine(Scenario scenario, INegotiationTables tables, IRunParties parties)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tables);
        ArgumentNullException.ThrowIfNull(parties);
        _scenario = scenario;
        _tables = tables;
        _parties = parties;
    }

    /// <summary>The round under way, or the last one played.</summary>
    public int Round { get; private set; }

    /// <summary>Negotiations still active at the start of the round under way.</summary>
    public int ActiveNegotiations { get; private set; }

    /// <summary>The tariff changes applied so far, in order.</summary>
    public IReadOnlyList<TariffChange> TariffChanges => _tariffChanges;

    /// <summary>The tariff-rate quotas put on lines so far, in order.</summary>
    public IReadOnlyList<QuotaChange> QuotaChanges => _quotaChanges;

    /// <summary>Every opened negotiation's status so far, by id.</summary>
    public IReadOnlyDictionary<string, NegotiationStatus> Statuses =>
        _reports.ToDictionary(r => r.Key, r => r.Value.Status, StringComparer.Ordinal);

    public async Task<RunResult> RunAsync()
    {
        var parties = _scenario.Negotiations.SelectMany(n => n.Parties).Distinct().Order(StringComparer.Ordinal).ToList();
        await Task.WhenAll(parties.Select(_parties.JoinAsync));

        var negotiations = _scenario.Negotiations.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        _agendas = negotiations.ToDictionary(n => n.Id, TariffAgenda.For, StringComparer.Ordinal);
        await Task.WhenAll(negotiations.Select(n => _tables.OpenAsync(_agendas[n.Id])));
        foreach (var n in negotiations)
        {
            _reports[n.Id] = new RoundReport(n.Id, NegotiationStatus.Active, 0, null, null, []);
            _histories[n.Id] = [];
        }

        while (true)
        {
            var active = _reports.Values.Where(r => r.IsActive).Select(r => r.NegotiationId).ToList();
            ActiveNegotiations = active.Count;
            if (active.Count == 0)
            {
                break;
            }

            Round++;
            var played = await Task.WhenAll(active.Select(_tables.PlayRoundAsync));
            var inOrder = played.OrderBy(r => r.NegotiationId, StringComparer.Ordinal).ToList();

            // Every turn of this round, and every negotiation that ended in it, is valued in the
            // world as it stood during the round, before any of this round's agreements changes it.
            foreach (var report in inOrder)
            {
                _histories[report.NegotiationId].AddRange(await ValueTurnsAsync(report));
            }

            foreach (var report in inOrder.Where(r => !r.IsActive))
            {
                _concluded[report.NegotiationId] = await ConcludeAsync(report);
            }

            var changedSectors = new HashSet<string>(StringComparer.Ordinal);
            foreach (var report in inOrder)
            {
                _reports[report.NegotiationId] = report;
                if (report.Agreement is { } agreement)
                {
                    foreach (var change in _agendas[report.NegotiationId].ChangesOf(agreement))
                    {
                        _tariffChanges.Add(change);
                        changedSectors.Add(change.Line.Sector);
                    }

                    // A quota on a line moves its sector's markets as a tariff does (DESIGN §4.1).
                    foreach (var change in _agendas[report.NegotiationId].QuotaChangesOf(agreement))
                    {
                        _quotaChanges.Add(change);
                        changedSectors.Add(change.Line.Sector);
                    }
                }
            }

            if (changedSectors.Count > 0)
            {
                await TellAffectedPartiesAsync(changedSectors);
            }
        }

        // The run ends only when every negotiation has, so each was concluded as it ended.
        return new RunResult(Round, [.. _scenario.Negotiations.Select(n => _concluded[n.Id])], [.. _tariffChanges], [.. _quotaChanges]);
    }

    /// <summary>The base world with every agreement applied so far.</summary>
    public World CurrentWorld() => AgreedWorld.Of(_scenario, _tariffChanges, _quotaChanges);

    private async Task<IReadOnlyList<TurnPlayed>> ValueTurnsAsync(RoundReport report)
    {
        var parties = _scenario.Negotiation(report.NegotiationId).Parties;
        var offers = report.Turns.Where(t => t.Offer is not null).Select(t => t.Offer!).ToList();
        var utilities = new List<IReadOnlyList<double>>();
        foreach (var party in parties)
        {
            utilities.Add(offers.Count == 0 ? [] : await _parties.UtilitiesAsync(party, report.NegotiationId, offers));
        }

        var valued = new List<TurnPlayed>();
        var offer = 0;
        foreach (var turn in report.Turns)
        {
            IReadOnlyList<double> values = [];
            if (turn.Offer is not null)
            {
                var i = offer++;
                values = [.. utilities.Select(u => u[i])];
            }

            valued.Add(new TurnPlayed(turn.Round, turn.Turn, turn.Party, turn.Action, turn.Offer, values));
        }

        return valued;
    }

    private async Task<NegotiationResult> ConcludeAsync(RoundReport report)
    {
        var spec = _scenario.Negotiation(report.NegotiationId);
        var assessments = new Dictionary<string, SeatAssessment>(StringComparer.Ordinal);
        foreach (var party in spec.Parties)
        {
            assessments[party] = await _parties.AssessAsync(party, spec.Id, report.Agreement, report.AgreedOfferTurn);
        }

        var analysis = NegotiationAnalysis.InWorld(
            _scenario, _agendas[spec.Id], CurrentWorld(), [.. spec.Parties.Select(p => assessments[p].Reservation)], report.Agreement);
        return new NegotiationResult(spec.Id, report.Status, report.RoundsPlayed, report.Agreement, assessments, analysis, _histories[spec.Id]);
    }

    /// <summary>
    /// Parties to still-active negotiations over a sector that changed see the new world, for
    /// those negotiations only: their seats at finished ones keep the world they ended in.
    /// </summary>
    private Task TellAffectedPartiesAsync(HashSet<string> changedSectors)
    {
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
