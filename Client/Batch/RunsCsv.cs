using System.Globalization;
using CsvHelper;
using Simulation.Client.Output;
using Simulation.Grains.Abstractions.Outcomes;
using Simulation.Model.Experiments;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>runs.csv</c> of a batch (DESIGN §6.4), tidy: one row per run × negotiation × party, so that
/// pandas or R read it as is. Columns, in order: <c>run_id</c>, <c>variant</c> (its number, from 1),
/// <c>replicate</c> (from 1), <c>seed</c>, then one column per varied or sampled path, headed by the
/// path (<c>countries.CAN.strategy.e</c>) and holding the value that run used, then
/// <c>negotiation</c>, <c>party</c>, <c>status</c> (agreed, deadline, terminated, walked_away,
/// not_started; or failed), <c>round</c>, <c>utility</c>, <c>reservation</c>, <c>gain</c> (in the
/// scenario's units) and <c>error</c> (empty, or why a run failed: such a run has one row, with
/// negotiation and party empty). Numbers are written in the invariant culture, shortest round-trip; lines end in CRLF (RFC 4180).
/// Rows are written run by run as runs finish, each run's rows at once and flushed, so an
/// interrupted batch leaves whole lines.
/// </summary>
internal sealed class RunsCsv : IDisposable
{
    public const string FileName = "runs.csv";

    private static readonly string[] s_leading = ["run_id", "variant", "replicate", "seed"];
    private static readonly string[] s_trailing = ["negotiation", "party", "status", "round", "utility", "reservation", "gain", "error"];

    private readonly StreamWriter _writer;
    private readonly CsvWriter _csv;
    private readonly IReadOnlyList<ScenarioPath> _inputs;
    private readonly Lock _gate = new();

    private RunsCsv(StreamWriter writer, IReadOnlyList<ScenarioPath> inputs)
    {
        _writer = writer;
        _csv = CsvWriter.Create(writer, CsvWriterOptions.Default, leaveOpen: true);
        _inputs = inputs;
    }

    /// <summary>The header row for these inputs.</summary>
    public static IReadOnlyList<string> Header(IReadOnlyList<ScenarioPath> inputs) =>
        [.. s_leading, .. inputs.Select(p => p.Text), .. s_trailing];

    /// <summary>Creates the file (it must not exist) and writes its header.</summary>
    public static RunsCsv Create(string path, IReadOnlyList<ScenarioPath> inputs)
    {
        var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        var file = new RunsCsv(new StreamWriter(stream, new System.Text.UTF8Encoding(false)), inputs);
        file.WriteRow(Header(inputs));
        file.Flush();
        return file;
    }

    /// <summary>Appends the rows of a run that completed.</summary>
    public void Completed(string runId, PlannedRun run, RunOutcome outcome)
    {
        // Every row is made before any is written, so a run whose rows cannot be made writes none.
        var rows = outcome.Negotiations.SelectMany(negotiation => negotiation.Parties.Select(party => (string[])[.. Leading(runId, run),
            negotiation.Id, party, negotiation.Status, negotiation.Round.ToString(CultureInfo.InvariantCulture),
            Number(negotiation.Utility, party), Number(negotiation.Reservation, party), Number(negotiation.Gain, party), ""])).ToList();
        lock (_gate)
        {
            foreach (var row in rows)
            {
                WriteRow(row);
            }

            Flush();
        }
    }

    /// <summary>Appends the single row of a run that failed.</summary>
    public void Failed(string runId, PlannedRun run, string error)
    {
        lock (_gate)
        {
            WriteRow([.. Leading(runId, run), "", "", "failed", "", "", "", "", error]);
            Flush();
        }
    }

    public void Dispose()
    {
        _csv.Dispose();
        _writer.Dispose();
    }

    private IEnumerable<string> Leading(string runId, PlannedRun run)
    {
        yield return runId;
        yield return run.Variant.Number.ToString(CultureInfo.InvariantCulture);
        yield return run.Replicate.ToString(CultureInfo.InvariantCulture);
        yield return run.Seed.ToString(CultureInfo.InvariantCulture);
        foreach (var input in _inputs)
        {
            yield return run.Settings.FirstOrDefault(s => s.Path.Equals(input))?.Value ?? "";
        }
    }

    private static string Number(IReadOnlyDictionary<string, double> values, string party) =>
        values.TryGetValue(party, out var value) ? FrontierCsv.Number(value) : "";

    private void WriteRow(IEnumerable<string> fields) => _csv.WriteRecord([.. fields]);

    private void Flush()
    {
        _csv.Flush();
        _writer.Flush();
    }
}
