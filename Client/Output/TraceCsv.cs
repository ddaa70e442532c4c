using System.Globalization;
using System.Text;
using Simulation.Model.Reporting;
using Simulation.Model.Negotiation;

namespace Simulation.Client.Output;

/// <summary>
/// A run's turns as CSV (`run --trace`, DESIGN §6.4): one row per turn, written from the outcome's
/// per-negotiation <c>history</c>, so the trace and the JSON cannot disagree.
/// </summary>
/// <remarks>
/// Columns: <c>run, negotiation, round, turn, party, action, offer, utilities</c>. <c>offer</c> is
/// the outcome the move concerns (offered, accepted, voted on; empty for a walk-away) as
/// <see cref="OfferText"/> writes it, as in the frontier CSV.
/// <c>utilities</c> is every party's undiscounted utility of that outcome in the world its seat was
/// priced in at that turn, as <c>ISO=u; ISO=u</c> in the negotiation's party order: one field, so that
/// negotiations with different parties share one set of columns (a column per party would be empty
/// for most rows). Numbers, quoting and line ends are as in <see cref="FrontierCsv"/>.
/// </remarks>
public static class TraceCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["run", "negotiation", "round", "turn", "party", "action", "offer", "utilities"];

    public static string Write(string runId, RunOutcome outcome)
    {
        var csv = new StringBuilder();
        FrontierCsv.Record(csv, Columns);
        foreach (var row in Rows(runId, outcome))
        {
            FrontierCsv.Record(csv, row);
        }

        return csv.ToString();
    }

    /// <summary>The rows of one run, without the header: a batch's <c>trace.csv</c> holds many runs' rows under one header.</summary>
    public static IEnumerable<string[]> Rows(string runId, RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(runId);
        ArgumentNullException.ThrowIfNull(outcome);
        foreach (var negotiation in outcome.Negotiations)
        {
            foreach (var turn in negotiation.History)
            {
                yield return [
                    runId,
                    negotiation.Id,
                    turn.Round.ToString(CultureInfo.InvariantCulture),
                    turn.Turn.ToString(CultureInfo.InvariantCulture),
                    turn.Party,
                    MoveKindNames.Name(turn.Action),
                    turn.Offer is { } offer ? OfferText.Describe(offer) : "",
                    turn.Utility is { } utility ? string.Join("; ", utility.Select(u => $"{u.Key}={FrontierCsv.Number(u.Value)}")) : "",
                ];
            }
        }
    }
}
