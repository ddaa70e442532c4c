namespace Simulation.Model.Runs.Journal;

/// <summary>
/// What a journal holds of an interrupted run (<see cref="RunJournalReader"/>): its start, its lines
/// up to and including the last completed round (the state a resumed run rebuilds), their length in
/// bytes, that round, and what was dropped after it: whole lines of a round not completed, and a torn
/// last line (one cut before its line end).
/// </summary>
public sealed record InterruptedRun(
    RunStarted Started,
    IReadOnlyList<string> Lines,
    long Bytes,
    int RoundsCompleted,
    int LinesDropped,
    bool TornLine);
