using Simulation.Client.Commands;
using Simulation.Client.Output;
using Simulation.Model.Reporting;
using Simulation.Model.Experiments;

namespace Simulation.Client.Batch;

/// <summary>
/// A batch's directory (DESIGN §6.4): <c>batch.json</c> (<see cref="BatchIdentity"/>),
/// <c>runs.csv</c>, <c>countries.csv</c>, <c>exports.csv</c> and, on request, <c>trace.csv</c>,
/// appended to as runs finish.
/// </summary>
/// <remarks>
/// A run's rows go to trace, exports and countries first and to <c>runs.csv</c> last, each file in
/// one write: a run with rows in <c>runs.csv</c> has all its rows everywhere. <see cref="Resume"/>
/// relies on it: the runs done are those in <c>runs.csv</c>, and the other files lose the rows of any
/// other run (one the batch was writing when it was killed), so each run is written again whole.
/// </remarks>
internal sealed class BatchOutput : IDisposable
{
    public const string TraceFileName = "trace.csv";

    private readonly BatchCsvFile? _trace;
    private readonly BatchCsvFile _exports;
    private readonly BatchCsvFile _countries;
    private readonly BatchCsvFile _runs;
    private readonly RunColumns _columns;
    private readonly Lock _gate = new();
    private BatchWriteException? _writeFailure;

    private BatchOutput(string directory, RunColumns columns, Func<string, IReadOnlyList<string>, BatchCsvFile> open, bool trace, IReadOnlySet<string> done)
    {
        Directory = directory;
        _columns = columns;
        Done = done;
        var opened = new List<BatchCsvFile>();
        try
        {
            _runs = Track(open(RunsPath, RunsCsv.Header(columns)));
            _countries = Track(open(Path.Combine(directory, CountriesCsv.FileName), CountriesCsv.Header(columns)));
            _exports = Track(open(Path.Combine(directory, ExportsCsv.FileName), ExportsCsv.Header(columns)));
            _trace = trace ? Track(open(Path.Combine(directory, TraceFileName), [.. TraceCsv.Columns])) : null;
        }
        catch
        {
            opened.ForEach(f => f.Dispose());
            throw;
        }

        BatchCsvFile Track(BatchCsvFile file)
        {
            opened.Add(file);
            return file;
        }
    }

    public string Directory { get; }

    public string RunsPath => Path.Combine(Directory, RunsCsv.FileName);

    /// <summary>The runs whose rows were already written (when resuming), by run id.</summary>
    public IReadOnlySet<string> Done { get; }

    /// <summary>
    /// Refuses, before anything runs or is written, a directory the batch cannot use: for a new
    /// batch one that is a file or already holds a file the batch writes (<paramref name="writes"/>,
    /// beside its own), for <c>--resume</c> one that holds no batch or another batch, or a
    /// <c>runs.csv</c> this batch did not write (<see cref="WrittenRuns"/>).
    /// </summary>
    /// <returns>When resuming, the runs already written; else null.</returns>
    public static WrittenRuns? Check(string directory, bool resume, System.Text.Json.Nodes.JsonObject identity, IEnumerable<string> writes, Func<string, WrittenRuns> written)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (resume)
        {
            BatchIdentity.Check(directory, identity);
            return written(Path.Combine(directory, RunsCsv.FileName));
        }

        if (File.Exists(directory))
        {
            throw new UsageException($"--out '{TerminalText.Safe(directory)}': is a file, not a directory");
        }

        foreach (var name in new[] { RunsCsv.FileName, BatchIdentity.FileName })
        {
            if (Holds(name))
            {
                throw new UsageException($"--out '{TerminalText.Safe(directory)}': already holds {name}; choose another directory, remove it, or add --resume to finish that batch");
            }
        }

        // Nothing already there is overwritten: not another batch's summary, nor a file of another
        // kind that happens to bear the name of one the batch writes.
        var files = new[] { CountriesCsv.FileName, ExportsCsv.FileName, TraceFileName, BatchSummary.FileName }.Concat(writes);
        foreach (var name in files.Where(Holds))
        {
            throw new UsageException($"--out '{TerminalText.Safe(directory)}': already holds {name}, which this batch would write; choose another directory, or move {name} away");
        }

        return null;

        // Anything by that name, except an empty plots/ folder, which the charts can go into.
        bool Holds(string name)
        {
            var path = Path.Combine(directory, name);
            return File.Exists(path) || (System.IO.Directory.Exists(path) && (name != BatchPlots.DirectoryName || System.IO.Directory.EnumerateFileSystemEntries(path).Any()));
        }
    }

    /// <summary>
    /// Refuses, before any run, a directory no file can be created in (read-only, or a directory of
    /// a pseudo file system such as /proc), by creating and deleting a file of its own there, rather
    /// than failing on the first file the batch writes.
    /// </summary>
    private static void ProbeWritable(string directory)
    {
        var probe = Path.Combine(directory, $".tradesim-probe-{Environment.ProcessId}");
        try
        {
            using var file = new FileStream(probe, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{TerminalText.Safe(directory)}': no file can be created there (permission denied); choose another directory");
        }
        catch (IOException e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            // What a pseudo file system such as /proc says to a new file: it does not take one.
            throw new UsageException($"--out '{TerminalText.Safe(directory)}': no file can be created there; choose another directory");
        }
        catch (IOException e)
        {
            throw new UsageException($"--out '{TerminalText.Safe(directory)}': no file can be created there ({e.Message.TrimEnd('.')}); choose another directory");
        }
    }

    /// <summary>
    /// Makes <paramref name="directory"/> (created if missing) the home of a new batch, writing its
    /// identity and the files' headers; refused when it already holds a batch.
    /// </summary>
    public static BatchOutput Create(string directory, RunColumns columns, System.Text.Json.Nodes.JsonObject identity, bool trace, IEnumerable<string> writes, BatchCsvFile.Opener open)
    {
        Check(directory, resume: false, identity, writes, _ => throw new InvalidOperationException("not resuming"));
        try
        {
            System.IO.Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--out '{TerminalText.Safe(directory)}': cannot be created: {e.Message}");
        }

        ProbeWritable(directory);

        BatchIdentity.Write(directory, identity);
        return new BatchOutput(directory, columns, (path, header) => BatchCsvFile.Create(path, header, open), trace, new HashSet<string>());
    }

    /// <summary>
    /// Opens the directory of an interrupted batch with this identity, ready to add the runs it
    /// lacks: the rows of any run not in <paramref name="written"/> (checked by <see cref="Check"/>)
    /// are dropped from every file, so it is written again whole.
    /// </summary>
    public static BatchOutput Resume(string directory, RunColumns columns, System.Text.Json.Nodes.JsonObject identity, bool trace, WrittenRuns written, BatchCsvFile.Opener open)
    {
        ArgumentNullException.ThrowIfNull(written);
        BatchIdentity.Check(directory, identity);
        var done = written.Done;
        return new BatchOutput(directory, columns, (path, header) => BatchCsvFile.Resume(path, header, done.Contains, open), trace, done);
    }

    /// <summary>The write that failed and stopped the batch, if one did; nothing is written after it.</summary>
    public BatchWriteException? WriteFailure
    {
        get
        {
            lock (_gate)
            {
                return _writeFailure;
            }
        }
    }

    /// <summary>Appends the rows of a run that completed.</summary>
    public void Completed(string runId, PlannedRun run, RunOutcome outcome)
    {
        // Every row is made before any is written, so a run whose rows cannot be made writes none.
        var leading = _columns.Values(runId, run).ToList();
        var trace = _trace is null ? null : TraceCsv.Rows(runId, outcome).ToList();
        var exports = ExportsCsv.Rows(leading, outcome);
        var countries = CountriesCsv.Rows(leading, outcome);
        var runs = RunsCsv.Completed(leading, outcome);
        Write(() =>
        {
            if (trace is not null)
            {
                _trace!.Append(trace);
            }

            _exports.Append(exports);
            _countries.Append(countries);
            _runs.Append(runs);
        });
    }

    /// <summary>Appends the single row of a run that failed (to runs.csv only: it has no countries or turns).</summary>
    public void Failed(string runId, PlannedRun run, string error)
    {
        var row = RunsCsv.Failed(_columns.Values(runId, run), error);
        Write(() => _runs.Append([row]));
    }

    /// <summary>
    /// Writes under the lock, unless a write failed before: after one, nothing more is written, so
    /// the files end with whole runs and the run that failed to be written is not counted as done.
    /// </summary>
    /// <exception cref="BatchWriteException">This write or an earlier one failed.</exception>
    private void Write(Action write)
    {
        lock (_gate)
        {
            if (_writeFailure is not null)
            {
                throw _writeFailure;
            }

            try
            {
                write();
            }
            catch (BatchWriteException failure)
            {
                _writeFailure = failure;
                throw;
            }
        }
    }

    public void Dispose()
    {
        _trace?.Dispose();
        _exports.Dispose();
        _countries.Dispose();
        _runs.Dispose();
    }
}
