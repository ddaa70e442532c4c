using Microsoft.Extensions.Logging;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Runs.Journal;

namespace Simulation.Grains.Runs;

/// <summary>
/// What a run tells the silo's log, from its run events: its start, every event as it fires, every
/// negotiation as it ends (an agreement in tariffs), and its end, at Information, so a person
/// watching the silo can follow the run; a round in which nothing happened goes to Debug. A round's
/// lines are written when it completes: its events first, then the negotiations that ended, by id.
/// </summary>
internal sealed partial class RunLog(ILogger logger, string runId)
{
    private readonly List<EventApplied> fired = [];
    private readonly List<NegotiationEnded> ended = [];

    /// <summary>Hears the run's next event (a listener for the engine, on its own thread).</summary>
    public void Tell(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case RunStarted started:
                LogStarted(logger, runId, started.Scenario, started.Seed);
                break;
            case EventApplied applied:
                fired.Add(applied);
                break;
            case NegotiationEnded { Status: not NegotiationStatus.NotStarted } end:
                ended.Add(end);
                break;
            case RoundCompleted round:
                Completed(round);
                break;
            case RunEnded end:
                LogCompleted(logger, runId, end.RoundsPlayed);
                break;
        }
    }

    private void Completed(RoundCompleted round)
    {
        foreach (var applied in fired)
        {
            LogEvent(logger, runId, applied.Round, ReadableText.Of(applied.Applied));
        }

        foreach (var end in ended.OrderBy(e => e.Negotiation, StringComparer.Ordinal))
        {
            if (end.Agreement is { } agreement)
            {
                LogAgreed(logger, runId, round.Round, end.Negotiation, string.Join("; ", agreement.Select(ReadableText.Of)));
            }
            else
            {
                LogEnded(logger, runId, round.Round, end.Negotiation, NegotiationStatusNames.Name(end.Status));
            }
        }

        if (fired.Count == 0 && ended.Count == 0)
        {
            LogQuietRound(logger, runId, round.Round, round.ActiveNegotiations);
        }

        fired.Clear();
        ended.Clear();
    }

    /// <summary>
    /// The run is resumed here from its record, which holds <paramref name="rounds"/> rounds: the
    /// lines that follow up to that round are those rounds played again, and checked.
    /// </summary>
    public void Resumed(int rounds) => LogResumed(logger, runId, rounds);

    /// <summary>A part of the run went with a silo at <paramref name="round"/>: it is played again from its <paramref name="kept"/> recorded rounds after <paramref name="delay"/>.</summary>
    public void PlayingAgain(Exception fault, int round, int kept, TimeSpan delay) =>
        LogPlayingAgain(logger, runId, round, fault.Message.ReplaceLineEndings(" "), kept, delay.TotalSeconds);

    /// <summary>The run failed in <paramref name="round"/>, the round it was playing.</summary>
    public void Failed(Exception error, int round) => LogFailed(logger, error, runId, round, error.Message);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} ({Scenario}, seed {Seed}) started")]
    private static partial void LogStarted(ILogger logger, string runId, string scenario, long seed);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} resumed on this silo: its {Rounds} rounds recorded are played again and checked against its journal, then it goes on")]
    private static partial void LogResumed(ILogger logger, string runId, int rounds);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} lost a part at round {Round} ({Reason}): played again from its {Rounds} rounds recorded in {Seconds} s")]
    private static partial void LogPlayingAgain(ILogger logger, string runId, int round, string reason, int rounds, double seconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} event at round {Round}: {Event}")]
    private static partial void LogEvent(ILogger logger, string runId, int round, string @event);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} round {Round}: {Negotiation} agreed ({Agreement})")]
    private static partial void LogAgreed(ILogger logger, string runId, int round, string negotiation, string agreement);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} round {Round}: {Negotiation} ended without agreement ({Status})")]
    private static partial void LogEnded(ILogger logger, string runId, int round, string negotiation, string status);

    [LoggerMessage(Level = LogLevel.Debug, Message = "run {RunId} round {Round}: {Active} negotiations played, none ended")]
    private static partial void LogQuietRound(ILogger logger, string runId, int round, int active);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} completed after {Rounds} rounds")]
    private static partial void LogCompleted(ILogger logger, string runId, int rounds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "run {RunId} failed at round {Round}: {Reason}")]
    private static partial void LogFailed(ILogger logger, Exception error, string runId, int round, string reason);
}
