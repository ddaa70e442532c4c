using System.Text;
using System.Text.Json;
using Simulation.Model.Reporting;

namespace Simulation.Model.Runs.Journal;

/// <summary>
/// Reads a journal to resume its run (docs/run-journal.md), without trusting it: a file larger than
/// <see cref="RunJournal.MaxJournalBytes"/> or a line longer than <see cref="RunJournal.MaxLineBytes"/>
/// is refused before it is read into memory, every whole line must be an event of a known type, the
/// first must be the run's start, and a finished run has nothing to resume. A last line without its
/// line end (the run was killed while writing it) and the lines of a round not completed are dropped:
/// the resumed run plays them again.
/// </summary>
public static class RunJournalReader
{
    /// <exception cref="JournalException">The journal cannot be resumed from; the message says why, and where.</exception>
    public static InterruptedRun Read(Stream journal)
    {
        ArgumentNullException.ThrowIfNull(journal);
        if (journal.CanSeek && journal.Length > RunJournal.MaxJournalBytes)
        {
            throw new JournalException($"is {journal.Length} bytes, more than the {RunJournal.MaxJournalBytes} a journal may hold");
        }

        var lines = new List<string>();
        var starts = new List<long>();
        var pending = new MemoryStream();
        var buffer = new byte[64 * 1024];
        long read = 0;
        int count;
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        while ((count = journal.Read(buffer, 0, buffer.Length)) > 0)
        {
            for (var i = 0; i < count; i++)
            {
                if (buffer[i] != (byte)'\n')
                {
                    if (pending.Length >= RunJournal.MaxLineBytes)
                    {
                        throw new JournalException($"line {lines.Count + 1} is longer than the {RunJournal.MaxLineBytes} bytes a journal line may hold", lines.Count + 1);
                    }

                    pending.WriteByte(buffer[i]);
                    continue;
                }

                starts.Add(read + i - pending.Length);
                lines.Add(Decode(utf8, pending, lines.Count + 1));
                pending.SetLength(0);
            }

            read += count;
            if (read > RunJournal.MaxJournalBytes)
            {
                throw new JournalException($"is more than the {RunJournal.MaxJournalBytes} bytes a journal may hold");
            }
        }

        var torn = pending.Length > 0;
        if (lines.Count == 0 || Parse(lines[0], 1) is not RunStarted started)
        {
            throw new JournalException("is not a run journal: its first line is not a run_started event", 1);
        }

        var lastRound = 0;
        var rounds = 0;
        for (var n = 1; n < lines.Count; n++)
        {
            switch (Parse(lines[n], n + 1))
            {
                case RunStarted:
                    throw new JournalException("holds a second run_started event: it is not one run's journal", n + 1);
                case RunEnded ended:
                    throw new JournalException($"is the journal of a finished run ({ended.RoundsPlayed} rounds played, line {n + 1}): there is nothing to resume", n + 1);
                case RoundCompleted completed:
                    lastRound = n;
                    rounds = completed.Round;
                    break;
            }
        }

        var kept = lines.Take(lastRound + 1).ToList();
        var bytes = lastRound + 1 < lines.Count ? starts[lastRound + 1] : read - pending.Length;
        return new InterruptedRun(started, kept, bytes, rounds, lines.Count - kept.Count, torn);
    }

    private static string Decode(Encoding utf8, MemoryStream line, int number)
    {
        try
        {
            return utf8.GetString(line.GetBuffer(), 0, (int)line.Length);
        }
        catch (DecoderFallbackException)
        {
            throw new JournalException($"line {number} is not UTF-8 text", number);
        }
    }

    /// <summary>One whole line as an event, or a clear error naming the line.</summary>
    private static RunEvent Parse(string line, int number)
    {
        string? type;
        try
        {
            using var document = JsonDocument.Parse(line);
            type = document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out var found)
                && found.ValueKind == JsonValueKind.String
                ? found.GetString()
                : throw new JournalException($"line {number} is not a run event: expected a JSON object with a \"type\"", number);
        }
        catch (JsonException error)
        {
            throw new JournalException($"line {number} is not JSON ({error.Message})", number);
        }

        if (!RunJournal.TypeNames.Contains(type, StringComparer.Ordinal))
        {
            throw new JournalException(
                $"line {number}: unknown event type '{type}'; a journal holds {string.Join(", ", RunJournal.TypeNames)}", number);
        }

        try
        {
            return JsonSerializer.Deserialize<RunEvent>(line, RunOutcomeJson.Complete)
                ?? throw new JournalException($"line {number} is not a run event", number);
        }
        catch (Exception error) when (error is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            throw new JournalException($"line {number} is not a well-formed {type} event ({error.Message})", number);
        }
    }
}
