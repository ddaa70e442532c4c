using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Simulation.Client.Cluster;

/// <summary>
/// The runtime's log as the command line shows it on stderr: one line per entry, the message and
/// the exception's message, never a stack trace (DESIGN §8: users see messages, not stack traces).
/// </summary>
public sealed class OneLineLogFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "tradesim-one-line";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (logEntry.Exception is { } exception)
        {
            message = $"{message} ({exception.Message})";
        }

        var category = logEntry.Category[(logEntry.Category.LastIndexOf('.') + 1)..];
        var line = $"{logEntry.LogLevel.ToString().ToLowerInvariant()}: {category}: {message}".ReplaceLineEndings(" ");
        textWriter.WriteLine(Output.TerminalText.Safe(line));
    }
}
