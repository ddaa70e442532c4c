using Microsoft.Extensions.Logging;
using Simulation.Grains.Negotiations;
using Simulation.Model.Reporting;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Runs;

/// <summary>
/// What a run tells the silo's log: its start, every event as it fires, every negotiation as it
/// ends (an agreement in tariffs), and its end, at Information, so a person watching the silo can
/// follow the run; a round in which nothing happened goes to Debug. It hears the engine's clock
/// after each round (on the grain's scheduler, synchronously) and compares what changed since.
/// </summary>
internal sealed partial class RunLog(ILogger logger, string runId, Scenario scenario, RunEngine engine) : IProgress<RunClock>
{
    private readonly Dictionary<string, TariffAgenda> agendas = scenario.Negotiations.ToDictionary(n => n.Id, TariffAgenda.For, StringComparer.Ordinal);
    private readonly HashSet<string> ended = new(StringComparer.Ordinal);
    private int eventsLogged;

    public void Started(long seed) => LogStarted(logger, runId, scenario.Name, seed);

    public void Report(RunClock value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var anything = false;
        foreach (var applied in engine.AppliedEvents.Skip(eventsLogged))
        {
            LogEvent(logger, runId, applied.Round, ReadableText.Of(applied));
            anything = true;
        }

        eventsLogged = engine.AppliedEvents.Count;
        var agreements = engine.Agreements;
        foreach (var (id, status) in engine.Statuses.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (status is NegotiationStatus.Active or NegotiationStatus.NotStarted || !ended.Add(id))
            {
                continue;
            }

            if (agreements.TryGetValue(id, out var agreement))
            {
                LogAgreed(logger, runId, value.Round, id, ReadableText.Of(agendas[id], agreement));
            }
            else
            {
                LogEnded(logger, runId, value.Round, id, NegotiationStatusNames.Name(status));
            }

            anything = true;
        }

        if (!anything)
        {
            LogQuietRound(logger, runId, value.Round, value.ActiveNegotiations);
        }
    }

    public void Completed(int rounds) => LogCompleted(logger, runId, rounds);

    public void Failed(Exception error) => LogFailed(logger, error, runId, engine.Round, error.Message);

    [LoggerMessage(Level = LogLevel.Information, Message = "run {RunId} ({Scenario}, seed {Seed}) started")]
    private static partial void LogStarted(ILogger logger, string runId, string scenario, long seed);

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
