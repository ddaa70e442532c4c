using Simulation.Client.Commands;
using Simulation.Model.Runs.Journal;

namespace Simulation.Client.Output;

/// <summary>
/// The run's journal on disk (<c>run --events</c>, <c>run --resume-from</c>; docs/run-journal.md).
/// Unlike the other outputs it is written as the run plays, so a run cut short leaves it behind to
/// resume from; so it is always a new file, never one that exists (a journal is never overwritten),
/// and it is refused where another output of the same command would land.
/// </summary>
public static class JournalFile
{
    /// <summary>Checks the journal <c>--events</c> names, before the run starts; it is created at the run's first event.</summary>
    /// <exception cref="UsageException">It cannot be created, exists, or is another output's file.</exception>
    public static RunJournalWriter Create(string path, RunCommand.Settings settings, params OutputFile?[] others)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(others);
        var file = OutputFile.Check("--events", path, "events.jsonl");
        if (file.Replaces(settings.Scenario))
        {
            throw file.Refuse("is the scenario file itself, which the journal would replace");
        }

        if (others.FirstOrDefault(other => other?.Replaces(path) == true) is { } other)
        {
            throw file.Refuse($"is the file {other.Option} writes; give them different names");
        }

        if (File.Exists(path) || Directory.Exists(path))
        {
            throw file.Refuse("exists; a journal is never overwritten: remove it, name a new file, or continue its run with --resume-from");
        }

        // Created at the run's first event, so a run that never starts leaves no empty journal;
        // created new, so a file that appeared meanwhile is not overwritten either.
        return new RunJournalWriter(() => new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read));
    }

    /// <summary>
    /// Reads the journal <c>--resume-from</c> names and checks it is an interrupted run of
    /// <paramref name="run"/>'s scenario text and seed; says on stderr where it resumes and what it drops.
    /// Nothing is written to the journal until the run has been played again as far as it goes.
    /// </summary>
    /// <exception cref="UsageException">It cannot be read, or cannot be resumed from, with why and where.</exception>
    public static ResumedJournal Resume(string path, RunStarted run, bool seedFromScenario)
    {
        ArgumentNullException.ThrowIfNull(run);
        UsageException Problem(string problem) => new(TerminalText.Safe($"--resume-from '{path}': {problem}"));
        InterruptedRun journal;
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            journal = RunJournalReader.Read(stream);
        }
        catch (JournalException error)
        {
            throw Problem(error.Message);
        }
        catch (FileNotFoundException)
        {
            throw Problem("does not exist");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Problem($"cannot be read ({e.Message})");
        }

        try
        {
            JournalReplay.CheckBelongsTo(journal, run);
        }
        catch (JournalException error)
        {
            var hint = seedFromScenario && journal.Started.Sha256 == run.Sha256 && journal.Started.Seed != run.Seed ? $" (the scenario's); give the journal's with --seed {journal.Started.Seed}" : "";
            throw Problem(error.Message + hint);
        }

        var dropped = new List<string>();
        if (journal.LinesDropped > 0)
        {
            dropped.Add($"{journal.LinesDropped} line{(journal.LinesDropped == 1 ? "" : "s")} of round {journal.RoundsCompleted + 1}, which was not completed");
        }

        if (journal.TornLine)
        {
            dropped.Add("a last line cut short");
        }

        Console.Error.WriteLine(TerminalText.Safe(
            $"resuming from '{path}' after round {journal.RoundsCompleted}" + (dropped.Count > 0 ? $"; dropped {string.Join(" and ", dropped)}" : "")));
        return new ResumedJournal(path, journal);
    }
}
