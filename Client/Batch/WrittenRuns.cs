using System.Globalization;
using System.Text;
using Simulation.Client.Commands;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Experiments;
using Simulation.Model.Input;

namespace Simulation.Client.Batch;

/// <summary>
/// The runs an interrupted batch's <c>runs.csv</c> holds, read and checked before <c>--resume</c>
/// plays anything. Every row must be one this batch writes: as many fields as the header, a run of
/// this batch whose leading columns are that run's (<see cref="RunColumns"/>), a known status,
/// finite numbers; a run's rows together, once each, as many as its scenario has negotiation ×
/// party pairs (one for a failed run). A file that breaks this was edited or damaged: it is refused
/// with every bad line named, since counting such rows would give a wrong summary.
/// </summary>
/// <remarks>
/// The batch writes each run's rows in one write and nothing after a failed write, so the only
/// damage a kill, a crash or a full disk leaves is at the end: a last line without its line break,
/// or a last run with fewer rows than it has. That run is not done: all its rows are dropped
/// and it is played again (<see cref="Replayed"/>). When the torn line's run id is whole and
/// another run's, the rows before it are the previous run's, whole, and stay; when it is not whole,
/// the last run before it is played again too, which costs a run and loses nothing.
/// </remarks>
internal sealed class WrittenRuns
{
    private static readonly HashSet<string> s_completedStatuses = ["agreed", "deadline", "terminated", "walked_away", "not_started"];

    private WrittenRuns(HashSet<string> done, string? replayed, int failed)
    {
        Done = done;
        Replayed = replayed;
        Failed = failed;
    }

    /// <summary>The runs whose rows are whole and stay.</summary>
    public IReadOnlySet<string> Done { get; }

    /// <summary>The run whose write was cut short at the end of the file, dropped to be played again; null when none was.</summary>
    public string? Replayed { get; }

    /// <summary>Failed runs dropped to be played again (<c>--retry-failed</c>).</summary>
    public int Failed { get; }

    /// <summary>
    /// Reads <paramref name="path"/>; with <paramref name="retryFailed"/> the failed runs are left
    /// out of <see cref="Done"/>, so they are played again.
    /// </summary>
    /// <exception cref="UsageException">The header is another batch's.</exception>
    /// <exception cref="InvalidInputException">Rows this batch did not write, each with its line.</exception>
    public static WrittenRuns Read(string path, ExperimentPlan plan, RunColumns columns, bool retryFailed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(columns);
        var done = new HashSet<string>(StringComparer.Ordinal);
        if (!File.Exists(path))
        {
            return new WrittenRuns(done, null, 0);
        }

        var header = RunsCsv.Header(columns);
        var check = new Check(path, plan, columns, header.Count);
        using (var reader = new StreamReader(path, new UTF8Encoding(false)))
        {
            using var records = CsvRecords.ReadLines(reader).GetEnumerator();
            if (!records.MoveNext() || !records.Current.Ended)
            {
                // Nothing, or a header cut short: no run was written.
                return new WrittenRuns(done, null, 0);
            }

            if (!records.Current.Fields.SequenceEqual(header))
            {
                throw new UsageException($"--resume: {path} has the columns {string.Join(",", records.Current.Fields)}, not those of this batch ({string.Join(",", header)}); it belongs to another batch");
            }

            while (records.MoveNext())
            {
                check.Row(records.Current.Line, records.Current.Fields, records.Current.Ended);
            }
        }

        return check.Finish(done, retryFailed);
    }

    /// <summary>The checks, row by row, with the run being read.</summary>
    private sealed class Check(string path, ExperimentPlan plan, RunColumns columns, int width)
    {
        private const int MaxErrors = 20;

        private readonly List<InputError> _errors = [];
        private readonly Dictionary<ulong, (int Variant, int Replicate)> _planned = Index(plan);
        private readonly Dictionary<ulong, int> _firstLine = [];
        private readonly Dictionary<int, int> _rowsOfVariant = [];
        private readonly HashSet<string> _failed = new(StringComparer.Ordinal);
        private readonly HashSet<(string, string)> _pairs = [];
        private int _errorCount;
        private string? _run;
        private int _runLine;
        private int _rows;
        private int _expected;
        private bool _torn;
        private string? _tornRun;

        public void Row(int line, string[] fields, bool ended)
        {
            if (!ended)
            {
                // The last line, without its line break: the run being written when the batch stopped.
                // When its run id is whole and another run's, the rows before it are that run's, whole.
                _torn = true;
                _tornRun = fields.Length > 1 && RunIds.IsRunId(fields[0]) ? fields[0] : null;
                return;
            }

            if (fields.Length != width)
            {
                Error(line, $"has {fields.Length} field{(fields.Length == 1 ? "" : "s")} where the header has {width}");
                return;
            }

            var id = fields[0];
            if (id != _run)
            {
                EndRun();
                StartRun(line, id, fields);
            }

            if (_expected < 0)
            {
                return;
            }

            _rows++;
            var (negotiation, party, status, round, utility, reservation, gain, gainMeasure, error) =
                (fields[^9], fields[^8], fields[^7], fields[^6], fields[^5], fields[^4], fields[^3], fields[^2], fields[^1]);
            if (status == "failed")
            {
                if (error.Length == 0 || negotiation.Length > 0 || party.Length > 0 || round.Length > 0 || utility.Length > 0 || reservation.Length > 0 || gain.Length > 0 || gainMeasure.Length > 0)
                {
                    Error(line, "is a failed row with values in it: a failed run's single row has only its error");
                }

                _failed.Add(id);
                _expected = 1;
                return;
            }

            if (!s_completedStatuses.Contains(status))
            {
                Error(line, $"has the status '{Short(status)}', which is none of agreed, deadline, terminated, walked_away, not_started, failed");
            }

            if (negotiation.Length == 0 || party.Length == 0 || error.Length > 0)
            {
                Error(line, "lacks its negotiation or party, or has an error beside a status of a run that completed");
            }
            else if (!_pairs.Add((negotiation, party)))
            {
                Error(line, $"repeats {negotiation} {party} of run {id}, a row written once");
            }

            if (!int.TryParse(round, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                Error(line, $"has round '{Short(round)}', not a whole number");
            }

            foreach (var (name, value) in new[] { ("utility", utility), ("reservation", reservation), ("gain", gain) })
            {
                if (value.Length > 0 && !(double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)))
                {
                    Error(line, $"has {name} '{Short(value)}', not a finite number");
                }
            }
        }

        public WrittenRuns Finish(HashSet<string> done, bool retryFailed)
        {
            // The last run may have been cut short at a line break (a full disk): it has too few rows.
            string? replayed = null;
            if (_torn && _tornRun is not null && _tornRun != _run)
            {
                replayed = _tornRun;
            }
            else if (_run is not null && _expected >= 0 && (_torn || _rows < _expected))
            {
                replayed = _run;
                _firstLine.Remove(Key(_run));
                _failed.Remove(_run);
                _run = null;
            }

            EndRun();
            if (_errors.Count > 0)
            {
                if (_errorCount > _errors.Count)
                {
                    _errors.Add(new InputError(path, null, null, "", $"and {_errorCount - _errors.Count} more rows like these"));
                }

                _errors.Add(new InputError(path, null, null, "",
                    "was not written this way by this batch, so its runs cannot be counted; to repair it, delete each row named with every other row of its run_id (--resume then plays those runs again), or start the batch again in a new directory"));

                throw new InvalidInputException(_errors);
            }

            foreach (var key in _firstLine.Keys)
            {
                var id = RunId(key);
                if (!retryFailed || !_failed.Contains(id))
                {
                    done.Add(id);
                }
            }

            return new WrittenRuns(done, replayed, retryFailed ? _failed.Count : 0);
        }

        private void StartRun(int line, string id, string[] fields)
        {
            _run = id;
            _runLine = line;
            _rows = 0;
            _pairs.Clear();
            _expected = -1;
            if (!RunIds.IsRunId(id) || !_planned.TryGetValue(Key(id), out var at))
            {
                Error(line, $"has run_id '{Short(id)}', which is not a run of this batch");
                return;
            }

            // Run ids by their 64 bits, not as text: a batch of a million runs is checked in tens of MB.
            if (_firstLine.TryGetValue(Key(id), out var earlier))
            {
                Error(line, $"repeats run {id}, whose rows start at line {earlier}; a run's rows are written together, once");
                return;
            }

            _firstLine[Key(id)] = line;

            var run = plan.Run(plan.Variants[at.Variant - 1], at.Replicate);
            var leading = columns.Values(id, run).ToArray();
            var header = columns.Header;
            for (var i = 1; i < leading.Length; i++)
            {
                if (fields[i] != leading[i])
                {
                    Error(line, $"has {header[i]} '{Short(fields[i])}', but run {id} of this batch has {header[i]} '{leading[i]}'");
                    return;
                }
            }

            _expected = ExpectedRows(run);
        }

        private void EndRun()
        {
            if (_run is not null && _expected >= 0 && _rows != _expected)
            {
                Error(_runLine, $"starts the rows of run {_run}, which has {_rows} row{(_rows == 1 ? "" : "s")} here where it writes {_expected} (one per negotiation and party)");
            }

            _run = null;
        }

        /// <summary>The rows a completed run writes: one per negotiation × party of its scenario (the same in every replicate unless inputs are drawn).</summary>
        private int ExpectedRows(PlannedRun run)
        {
            if (plan.Experiment.Sample.Count == 0 && _rowsOfVariant.TryGetValue(run.Variant.Number, out var known))
            {
                return known;
            }

            var rows = plan.Load(run).Negotiations.Sum(n => n.Parties.Count);
            _rowsOfVariant[run.Variant.Number] = rows;
            return rows;
        }

        private void Error(int line, string message)
        {
            _errorCount++;
            if (_errors.Count < MaxErrors)
            {
                _errors.Add(new InputError(path, line, null, "", $"the row {message}"));
            }
        }

        private static Dictionary<ulong, (int, int)> Index(ExperimentPlan plan)
        {
            var index = new Dictionary<ulong, (int, int)>();
            foreach (var run in plan.Runs())
            {
                index[Key(RunIds.For(plan.Document.Text, run.Seed, run.SettingsKey))] = (run.Variant.Number, run.Replicate);
            }

            return index;
        }

        private static ulong Key(string runId) => ulong.Parse(runId.AsSpan(4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture);

        private static string RunId(ulong key) => "run-" + key.ToString("x16", CultureInfo.InvariantCulture);

        private static string Short(string text) => text.Length <= 40 ? text : string.Concat(text.AsSpan(0, 37), "...");
    }
}
