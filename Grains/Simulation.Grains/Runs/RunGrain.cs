using System.Security.Cryptography;
using System.Text;
using Simulation.Grains.Abstractions.Countries;
using Simulation.Grains.Abstractions.Negotiations;
using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Grains.Countries;
using Simulation.Grains.Outcomes;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Runs;

/// <summary>
/// A run: owns the world and the global round clock (DESIGN §5.1). Each round every active
/// negotiation plays its round in parallel; agreements are then applied to the world in
/// negotiation-id order, and the parties of negotiations whose sectors changed are told, so the
/// next round's utilities are those of the new world. The run ends when no negotiation is active.
/// </summary>
public sealed class RunGrain : Grain, IRunGrain
{
    private RunRequest? request;
    private Scenario? scenario;
    private RunPhase phase = RunPhase.NotStarted;
    private int round;
    private int activeNegotiations;
    private string? failure;
    private RunOutcome? outcome;
    private IGrainTimer? runner;
    private readonly List<TariffSetting> tariffChanges = [];
    private readonly List<QuotaSetting> quotaChanges = [];
    private Dictionary<string, TariffAgenda> agendas = [];
    private readonly SortedDictionary<string, NegotiationReport> reports = new(StringComparer.Ordinal);

    // Each party's utility, reservation and gain in the world in which its negotiation concluded,
    // taken before that round's agreements are applied (DESIGN §2 "Seams": a finished negotiation
    // is never repriced).
    private readonly Dictionary<string, IReadOnlyDictionary<string, PartyAssessment>> concluded = new(StringComparer.Ordinal);

    // The bargaining analysis of each concluded negotiation, in the same world as its assessments.
    private readonly Dictionary<string, NegotiationAnalysis> analyses = new(StringComparer.Ordinal);

    public Task<RunStatus> StartAsync(RunRequest request)
    {
        if (phase != RunPhase.NotStarted)
        {
            return GetStatusAsync();
        }

        this.request = request;
        scenario = ScenarioLoader.Parse(request.ScenarioText, request.ScenarioFile);
        phase = RunPhase.Running;

        // The rounds run on a one-shot timer, not inside this call, so the caller gets control
        // back at once and can watch progress through GetStatusAsync.
        runner = this.RegisterGrainTimer(PlayAsync, new GrainTimerCreationOptions
        {
            DueTime = TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
        return GetStatusAsync();
    }

    public Task<RunStatus> GetStatusAsync() =>
        Task.FromResult(new RunStatus(
            this.GetPrimaryKeyString(),
            phase,
            round,
            scenario?.Negotiations.Select(n => n.Rounds).DefaultIfEmpty(0).Max() ?? 0,
            activeNegotiations,
            failure));

    public Task<RunOutcome?> GetOutcomeAsync() => Task.FromResult(outcome);

    public async Task<RunState> GetState() =>
        new(
            await GetStatusAsync(),
            scenario?.Name,
            request?.Seed ?? 0,
            tariffChanges.Select(t => $"{t.Importer}←{t.Exporter} {t.Sector} = {t.TariffPercent}%").ToList(),
            reports.ToDictionary(r => r.Key, r => r.Value.Status));

    private async Task PlayAsync(CancellationToken cancellation)
    {
        try
        {
            await PlayRoundsAsync();
            outcome = AssembleOutcome();
            phase = RunPhase.Completed;
        }
        catch (Exception error)
        {
            failure = error.Message;
            phase = RunPhase.Failed;
        }
        finally
        {
            activeNegotiations = 0;
            runner?.Dispose();
        }
    }

    private string RunId => this.GetPrimaryKeyString();

    private Scenario Scenario => scenario!;

    private async Task PlayRoundsAsync()
    {
        var request = this.request!;
        var parties = Scenario.Negotiations.SelectMany(n => n.Parties).Distinct().Order(StringComparer.Ordinal).ToList();
        await Task.WhenAll(parties.Select(p => Country(p).JoinAsync(
            new CountryBrief(RunId, p, request.ScenarioText, request.ScenarioFile, request.Seed, []))));

        var negotiations = Scenario.Negotiations.OrderBy(n => n.Id, StringComparer.Ordinal).ToList();
        agendas = negotiations.ToDictionary(n => n.Id, TariffAgenda.For);
        await Task.WhenAll(negotiations.Select(n => Negotiation(n.Id).OpenAsync(
            new NegotiationBrief(RunId, n.Id, n.Protocol, n.Parties, n.First, n.Rounds, agendas[n.Id].Space.LevelCounts, request.Seed))));
        foreach (var n in negotiations)
        {
            reports[n.Id] = new NegotiationReport(n.Id, "active", 0, null);
        }

        while (true)
        {
            var active = reports.Values.Where(r => r.IsActive).Select(r => r.NegotiationId).ToList();
            activeNegotiations = active.Count;
            if (active.Count == 0)
            {
                break;
            }

            round++;
            var played = await Task.WhenAll(active.Select(id => Negotiation(id).PlayRoundAsync()));
            var changedSectors = new HashSet<string>(StringComparer.Ordinal);
            var inOrder = played.OrderBy(r => r.NegotiationId, StringComparer.Ordinal).ToList();

            // Every negotiation that ended this round ended in the world as it stood during the
            // round: assess it there, before any of this round's agreements changes the world.
            foreach (var report in inOrder.Where(r => !r.IsActive))
            {
                var spec = Scenario.Negotiation(report.NegotiationId);
                var assessments = await AssessPartiesAsync(spec, report.Agreement, report.AgreedOfferTurn);
                concluded[report.NegotiationId] = assessments;
                analyses[report.NegotiationId] = NegotiationAnalysis.InWorld(
                    Scenario,
                    agendas[report.NegotiationId],
                    CurrentWorld(),
                    [.. spec.Parties.Select(p => assessments[p].Reservation)],
                    report.Agreement is { } agreed ? new Outcome([.. agreed]) : null);
            }

            // Results are applied in negotiation-id order, never in the order they arrived.
            foreach (var report in inOrder)
            {
                reports[report.NegotiationId] = report;
                if (report.Agreement is { } agreement)
                {
                    foreach (var change in agendas[report.NegotiationId].ChangesOf(new Outcome([.. agreement])))
                    {
                        tariffChanges.Add(new TariffSetting(change.Line.Importer, change.Line.Exporter, change.Line.Sector, change.TariffPercent));
                        changedSectors.Add(change.Line.Sector);
                    }

                    foreach (var change in agendas[report.NegotiationId].QuotaChangesOf(new Outcome([.. agreement])))
                    {
                        quotaChanges.Add(WorldSettings.ToSetting(change));
                        changedSectors.Add(change.Line.Sector);
                    }
                }
            }

            if (changedSectors.Count > 0)
            {
                await RefreshAffectedPartiesAsync(changedSectors);
            }
        }
    }

    /// <summary>
    /// Parties to still-active negotiations over a sector that changed see the new world, for
    /// those negotiations only: their seats at finished ones keep the world they ended in.
    /// </summary>
    private Task RefreshAffectedPartiesAsync(HashSet<string> changedSectors)
    {
        var repriced = reports.Values
            .Where(r => r.IsActive && agendas[r.NegotiationId].Sectors.Any(changedSectors.Contains))
            .Select(r => Scenario.Negotiation(r.NegotiationId))
            .ToList();
        var snapshot = tariffChanges.ToList();
        var quotaSnapshot = quotaChanges.ToList();
        return Task.WhenAll(repriced
            .SelectMany(n => n.Parties.Select(party => (Party: party, Negotiation: n.Id)))
            .GroupBy(seat => seat.Party, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Country(g.Key).UpdateWorldAsync(snapshot, quotaSnapshot, [.. g.Select(seat => seat.Negotiation)])));
    }

    private async Task<IReadOnlyDictionary<string, PartyAssessment>> AssessPartiesAsync(NegotiationSpec negotiation, IReadOnlyList<int>? agreement, int? offerTurn)
    {
        var assessments = new Dictionary<string, PartyAssessment>(StringComparer.Ordinal);
        foreach (var party in negotiation.Parties)
        {
            assessments[party] = await Country(party).AssessAsync(negotiation.Id, agreement, offerTurn);
        }

        return assessments;
    }

    private RunOutcome AssembleOutcome()
    {
        var request = this.request!;
        var negotiations = new List<NegotiationOutcome>();
        foreach (var spec in Scenario.Negotiations)
        {
            var report = reports[spec.Id];
            var agenda = agendas[spec.Id];
            // The run ends only when every negotiation has, so each was assessed as it concluded.
            var assessments = concluded[spec.Id];

            var agreement = report.Agreement is { } agreed ? OutcomeEntries.Of(agenda, new Outcome([.. agreed])) : null;
            negotiations.Add(new NegotiationOutcome(
                spec.Id,
                spec.Parties,
                spec.Protocol,
                report.Status,
                report.RoundsPlayed,
                agreement,
                spec.Parties.ToDictionary(p => p, p => assessments[p].Utility),
                spec.Parties.ToDictionary(p => p, p => assessments[p].Reservation),
                spec.Parties.ToDictionary(p => p, p => assessments[p].Gain),
                AnalysisOutcomes.From(analyses[spec.Id], agenda)));
        }

        var world = CurrentWorld();
        var solutions = world.Solve(MarketModels.For(Scenario.Model));
        var countries = CountryOutcomes.For(Scenario, solutions);

        return new RunOutcome(
            new ScenarioInfo(Scenario.Name, request.ScenarioFile, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request.ScenarioText)))),
            request.Seed,
            MarketModels.NameOf(Scenario.Model),
            round,
            negotiations,
            countries,
            solutions.SelectMany(s => s.Warnings).ToList());
    }

    /// <summary>The base world with every agreement applied so far.</summary>
    private World CurrentWorld() => WorldSettings.Apply(Scenario, tariffChanges, quotaChanges);

    private ICountryGrain Country(string id) => GrainFactory.GetGrain<ICountryGrain>(RunIds.Country(RunId, id));

    private INegotiationGrain Negotiation(string id) => GrainFactory.GetGrain<INegotiationGrain>(RunIds.Negotiation(RunId, id));
}
