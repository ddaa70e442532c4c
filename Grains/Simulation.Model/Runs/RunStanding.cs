using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// Where a run stands, folded from its events in order (DESIGN §2 "Run events and the journal"):
/// the last round completed and the run's horizon then, every negotiation as it stands
/// (<see cref="NegotiationStanding"/>; those not yet open too, so a watcher sees the whole agenda),
/// the events fired, worded, and the tariff and quota changes made. What a watcher's board, the live
/// page and the dashboard show; nothing here reads an engine's state. Not thread-safe: a
/// negotiation's <see cref="NegotiationStanding.Turns"/> is the fold's own list, which grows with it.
/// </summary>
public sealed class RunStanding
{
    private readonly SortedDictionary<string, NegotiationStanding> negotiations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> opened = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<TurnTaken>> turns = new(StringComparer.Ordinal);
    private readonly List<string> eventsFired = [];
    private readonly List<TariffChange> tariffChanges = [];
    private readonly List<QuotaChange> quotaChanges = [];

    public RunStanding(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        Scenario = scenario.Name;
        foreach (var spec in scenario.Negotiations)
        {
            turns[spec.Id] = [];
            negotiations[spec.Id] = new NegotiationStanding(spec.Id, NegotiationStatus.NotStarted, spec.Parties, 0, spec.Rounds, [], null, [], turns[spec.Id]);
        }
    }

    /// <summary>The scenario's name.</summary>
    public string Scenario { get; }

    /// <summary>How many events have been folded in.</summary>
    public long Events { get; private set; }

    /// <summary>The last round completed (0 before the first).</summary>
    public int Round { get; private set; }

    /// <summary>The last round the run could reach when <see cref="Round"/> was completed.</summary>
    public int Horizon { get; private set; }

    /// <summary>The negotiations that played <see cref="Round"/>.</summary>
    public int ActiveNegotiations { get; private set; }

    /// <summary>Whether the run has ended.</summary>
    public bool Ended { get; private set; }

    /// <summary>Every negotiation of the scenario, by id in ordinal order.</summary>
    public IReadOnlyList<NegotiationStanding> Negotiations => [.. negotiations.Values];

    /// <summary>Every scenario event fired so far, in order: "round 5: USA ends USA-CAN".</summary>
    public IReadOnlyList<string> EventsFired => eventsFired;

    /// <summary>Every tariff line set so far, in the order applied.</summary>
    public IReadOnlyList<TariffChange> TariffChanges => tariffChanges;

    /// <summary>Every tariff-rate quota put on a line so far, in the order applied.</summary>
    public IReadOnlyList<QuotaChange> QuotaChanges => quotaChanges;

    public NegotiationStanding Negotiation(string id) => negotiations[id];

    /// <summary>Folds in the run's next event.</summary>
    public void Apply(RunEvent runEvent)
    {
        ArgumentNullException.ThrowIfNull(runEvent);
        Events++;
        switch (runEvent)
        {
            case NegotiationOpened e:
                opened[e.Negotiation] = e.Round;
                negotiations[e.Negotiation] = negotiations[e.Negotiation] with { Status = NegotiationStatus.Active, Parties = e.Parties };
                break;
            case TurnTaken e:
                Take(e);
                break;
            case NegotiationEnded e:
                negotiations[e.Negotiation] = negotiations[e.Negotiation] with { Status = e.Status, RoundsPlayed = e.NegotiationRound, Concluded = true };
                break;
            case EventApplied e:
                eventsFired.Add($"round {e.Round}: {ReadableText.Of(e.Applied)}");
                break;
            case WorldChanged e:
                tariffChanges.AddRange(e.Tariffs);
                quotaChanges.AddRange(e.Quotas);
                break;
            case RoundCompleted e:
                Complete(e);
                break;
            case RunEnded:
                Ended = true;
                break;
            case RunStarted:
                break;
            default:
                throw new ArgumentException($"No fold for {runEvent.GetType().Name}.", nameof(runEvent));
        }
    }

    /// <summary>
    /// A turn: its outcome becomes the standing offer, made by whoever last offered it (an acceptance
    /// puts on the table the offer it accepts, which the accepting party did not make).
    /// </summary>
    private void Take(TurnTaken turn)
    {
        var negotiation = negotiations[turn.Negotiation];
        var played = turns[turn.Negotiation];
        played.Add(turn);
        if (turn.Outcome is { } outcome)
        {
            var offer = outcome.Select(ReadableText.Of).ToList();
            var offeredBy = played.LastOrDefault(t => t.Move == MoveKind.Offer && t.Levels is { } levels && levels.SequenceEqual(turn.Levels!)) ?? turn;
            negotiation = negotiation with { StandingOffer = offer, OfferedBy = offeredBy.Party, Utilities = negotiation.UtilitiesOf(turn) };
        }

        negotiations[turn.Negotiation] = negotiation;
    }

    /// <summary>A round is over: every negotiation still open has played one more of its rounds.</summary>
    private void Complete(RoundCompleted round)
    {
        Round = round.Round;
        Horizon = round.Horizon;
        ActiveNegotiations = round.ActiveNegotiations;
        foreach (var (id, from) in opened)
        {
            if (negotiations[id].Status == NegotiationStatus.Active)
            {
                negotiations[id] = negotiations[id] with { RoundsPlayed = round.Round - from + 1 };
            }
        }
    }
}
