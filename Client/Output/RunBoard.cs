using System.Globalization;
using Simulation.Grains.Abstractions.Runs;

namespace Simulation.Client.Output;

/// <summary>
/// A run as <c>run --watch</c> shows it, kept up to date from its progress updates applied in order:
/// the round clock, every negotiation as it stands (status, rounds against its deadline, the
/// standing offer as tariffs, who made it and each party's utility of it) and the events fired so
/// far. An update carries every negotiation whole and only the events new since the previous one; a
/// snapshot carries them all.
/// </summary>
public sealed class RunBoard(string name)
{
    private readonly List<string> events = [];

    public string Name { get; } = name;

    public RunStatus? Status { get; private set; }

    public IReadOnlyList<NegotiationProgress> Negotiations { get; private set; } = [];

    /// <summary>Every event fired so far, in order ("round 5: USA ends USA-CAN").</summary>
    public IReadOnlyList<string> Events => events;

    /// <summary>Takes an update (<paramref name="snapshot"/> false: its events are new) or a snapshot (true: its events are all of them).</summary>
    public void Apply(RunProgressUpdate update, bool snapshot)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (snapshot)
        {
            events.Clear();
        }

        events.AddRange(update.EventsFired);
        Status = update.Status;
        Negotiations = update.Negotiations;
    }

    /// <summary>
    /// The round clock: "round 3 of 30, 2 negotiating" while the run plays, counting towards the
    /// run's horizon (the last round it can reach as it stands, which grows when a table opens late),
    /// and "completed after round 38" at its end.
    /// </summary>
    public string Clock() => Status is not { } status
        ? "starting"
        : status.Phase is RunPhase.Running or RunPhase.NotStarted
            ? $"round {status.Round} of {status.MaxRounds}, {status.ActiveNegotiations} negotiating"
            : $"{RunPhases.Name(status.Phase)} after round {status.Round}";

    /// <summary>A negotiation's rounds against its deadline: "12 / 30".</summary>
    public static string Rounds(NegotiationProgress negotiation) => $"{negotiation.RoundsPlayed} / {negotiation.Deadline}";

    /// <summary>Each party's utility of the standing offer, in party order ("CAN 0.412"), none before an offer.</summary>
    public static IEnumerable<string> Utilities(NegotiationProgress negotiation) =>
        negotiation.Utilities.Count == negotiation.Parties.Count
            ? negotiation.Parties.Zip(negotiation.Utilities, (party, u) => $"{party} {u.ToString("0.000", CultureInfo.InvariantCulture)}")
            : [];

    /// <summary>
    /// The board as plain lines, for a stderr that is not a terminal (a log, a pipe, a test): the
    /// clock, a line per negotiation, then the events <paramref name="fired"/> with this update.
    /// </summary>
    public IEnumerable<string> Lines(IReadOnlyList<string> fired)
    {
        yield return TerminalText.Safe($"{Name}: {Clock()}");
        foreach (var n in Negotiations)
        {
            var offer = n.StandingOffer.Count == 0
                ? "no offer yet"
                : $"offer by {n.OfferedBy}: {string.Join("; ", n.StandingOffer)}; utilities {string.Join(", ", Utilities(n))}";
            yield return TerminalText.Safe($"  {n.Negotiation}: {n.Status}, round {Rounds(n)}, {offer}");
        }

        foreach (var e in fired)
        {
            yield return TerminalText.Safe($"  event {e}");
        }
    }
}
