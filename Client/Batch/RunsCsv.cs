using System.Globalization;
using Simulation.Client.Output;
using Simulation.Model.Reporting;
using Simulation.Model.Negotiation;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>runs.csv</c> of a batch (DESIGN §6.4), tidy: one row per run × negotiation × party, so that
/// pandas or R read it as is. Columns: those of <see cref="RunColumns"/>, then
/// <c>negotiation</c>, <c>party</c>, <c>status</c> (agreed, deadline, terminated, walked_away,
/// not_started; or failed), <c>round</c>, <c>utility</c>, <c>reservation</c>, <c>gain</c> (in the
/// scenario's units, the change in the party's own objective), <c>gain_measure</c> (what that gain
/// is: "mercantilist score", "welfare score", "political-economy score" or "utility"; never welfare
/// ΔW, which is in countries.csv) and <c>error</c> (empty, or why a run failed: such a run has one row, with
/// negotiation and party empty). Numbers are written in the invariant culture, shortest round-trip.
/// It is the last file a run's rows go to, so a run with rows here is a run whose rows are
/// everywhere (<see cref="BatchOutput"/>).
/// </summary>
internal static class RunsCsv
{
    public const string FileName = "runs.csv";

    private static readonly string[] s_trailing = ["negotiation", "party", "status", "round", "utility", "reservation", "gain", "gain_measure", "error"];

    public static IReadOnlyList<string> Header(RunColumns columns) => [.. columns.Header, .. s_trailing];

    /// <summary>The rows of a run that completed.</summary>
    public static List<string[]> Completed(IEnumerable<string> leading, RunOutcome outcome)
    {
        var run = leading.ToArray();
        return [.. outcome.Negotiations.SelectMany(negotiation => negotiation.Parties.Select(party => (string[])[.. run,
            negotiation.Id, party, NegotiationStatusNames.Name(negotiation.Status), negotiation.Round.ToString(CultureInfo.InvariantCulture),
            Number(negotiation.Utility, party), Number(negotiation.Reservation, party), Number(negotiation.Gain, party), negotiation.GainMeasure[party], ""]))];
    }

    /// <summary>The single row of a run that failed.</summary>
    public static string[] Failed(IEnumerable<string> leading, string error) =>
        [.. leading, "", "", "failed", "", "", "", "", "", error];

    private static string Number(IReadOnlyDictionary<string, double> values, string party) =>
        values.TryGetValue(party, out var value) ? FrontierCsv.Number(value) : "";
}
