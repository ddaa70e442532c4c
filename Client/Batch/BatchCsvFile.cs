using System.Text;
using Simulation.Client.Commands;
using Simulation.Client.Output;

namespace Simulation.Client.Batch;

/// <summary>
/// One of a batch's CSV files, appended to as runs finish. A run's rows are formatted first and
/// written with one write to an unbuffered file, so a batch killed at any moment leaves each file
/// with every earlier run's rows whole and at most the last run cut short (which <see cref="WrittenRuns"/>
/// finds and <see cref="Resume"/> drops); a write that fails is cut back off (<see cref="Append"/>). Fields are quoted as RFC 4180 requires and records end in CRLF (<see cref="FrontierCsv"/>).
/// </summary>
internal sealed class BatchCsvFile : IDisposable
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly Stream _stream;
    private readonly string _path;

    private BatchCsvFile(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
    }

    /// <summary>
    /// Opens a file for writing, unbuffered, at <paramref name="path"/> with <paramref name="mode"/>
    /// (CreateNew or Open); <see cref="Disk"/> unless a caller needs to see its writes fail.
    /// </summary>
    public delegate Stream Opener(string path, FileMode mode);

    /// <summary>The file system's own files. Not FileMode.Append: a file opened so cannot be cut back after a failed write.</summary>
    public static Opener Disk { get; } = (path, mode) => new FileStream(path, mode, FileAccess.Write, FileShare.Read, bufferSize: 0);

    /// <summary>Creates the file (it must not exist) with its header.</summary>
    public static BatchCsvFile Create(string path, IReadOnlyList<string> header, Opener open)
    {
        ArgumentNullException.ThrowIfNull(open);
        var file = new BatchCsvFile(open(path, FileMode.CreateNew), path);
        try
        {
            file.Append([header]);
        }
        catch
        {
            file.Dispose();
            throw;
        }

        return file;
    }

    /// <summary>
    /// Opens the file of an interrupted batch for appending: a torn last line is cut off, and when
    /// <paramref name="keep"/> is given only the rows whose first field (the run id) it accepts are
    /// kept, so that a run half written when the batch stopped is written again whole. The header
    /// must be <paramref name="header"/>; a file that is missing is created.
    /// </summary>
    /// <exception cref="UsageException">The file's header is not the one this batch writes.</exception>
    public static BatchCsvFile Resume(string path, IReadOnlyList<string> header, Func<string, bool>? keep, Opener open)
    {
        ArgumentNullException.ThrowIfNull(open);
        if (!File.Exists(path))
        {
            return Create(path, header, open);
        }

        CutTornLine(path);
        using (var reader = new StreamReader(path, s_utf8))
        {
            var found = CsvRecords.Read(reader).FirstOrDefault();
            if (found is null)
            {
                reader.Close();
                File.Delete(path);
                return Create(path, header, open);
            }

            if (!found.SequenceEqual(header))
            {
                throw new UsageException($"--resume: {path} has the columns {string.Join(",", found)}, not those of this batch ({string.Join(",", header)}); it belongs to another batch");
            }
        }

        if (keep is not null)
        {
            Filter(path, keep);
        }

        var stream = open(path, FileMode.Open);
        stream.Seek(0, SeekOrigin.End);
        return new BatchCsvFile(stream, path);
    }

    /// <summary>Appends <paramref name="rows"/> in one write.</summary>
    public void Append(IEnumerable<IEnumerable<string>> rows)
    {
        var text = new StringBuilder();
        foreach (var row in rows)
        {
            FrontierCsv.Record(text, row);
        }

        if (text.Length == 0)
        {
            return;
        }

        var end = _stream.Length;
        try
        {
            _stream.Write(s_utf8.GetBytes(text.ToString()));
        }
        catch (IOException failed)
        {
            // A write cut short (a full disk) may leave part of the rows: cut them off again, so
            // the file ends with the last whole run. Cutting frees space, so it works on a full disk;
            // if it fails all the same, --resume drops what is left.
            try
            {
                _stream.SetLength(end);
            }
            catch (IOException)
            {
            }

            throw new BatchWriteException(_path, failed);
        }
    }

    public void Dispose() => _stream.Dispose();

    /// <summary>Cuts the file after its last line break: what follows it is a line a killed batch did not finish.</summary>
    private static void CutTornLine(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var end = stream.Length;
        var buffer = new byte[4096];
        while (end > 0)
        {
            var start = Math.Max(0, end - buffer.Length);
            stream.Position = start;
            stream.ReadExactly(buffer, 0, (int)(end - start));
            var last = Array.LastIndexOf(buffer, (byte)'\n', (int)(end - start - 1), (int)(end - start));
            if (last >= 0)
            {
                stream.SetLength(start + last + 1);
                return;
            }

            end = start;
        }

        stream.SetLength(0);
    }

    /// <summary>Rewrites the file with its header and the rows <paramref name="keep"/> accepts, streaming.</summary>
    private static void Filter(string path, Func<string, bool> keep)
    {
        var kept = path + ".resume";
        int dropped;
        try
        {
            dropped = Copy(path, kept, keep);
        }
        catch (IOException)
        {
            // A full disk: the file is left as it was, without a half copy beside it.
            File.Delete(kept);
            throw;
        }

        if (dropped == 0)
        {
            File.Delete(kept);
            return;
        }

        File.Move(kept, path, overwrite: true);
    }

    /// <summary>Copies the header and the rows <paramref name="keep"/> accepts to <paramref name="kept"/>; returns how many it left out.</summary>
    private static int Copy(string path, string kept, Func<string, bool> keep)
    {
        using var reader = new StreamReader(path, s_utf8);
        using var writer = new StreamWriter(kept, append: false, s_utf8);
        var dropped = 0;
        var text = new StringBuilder();
        var first = true;
        foreach (var record in CsvRecords.Read(reader))
        {
            if (!first && !keep(record[0]))
            {
                dropped++;
                continue;
            }

            first = false;
            text.Clear();
            FrontierCsv.Record(text, record);
            writer.Write(text);
        }

        return dropped;
    }
}
