using Simulation.Model.Input;
using Spectre.Console;

namespace Simulation.Client.Output;

/// <summary>
/// Messages for people go to stderr, so stdout carries only results (a table or JSON) and can be
/// piped into another program. Errors are plain, unwrapped lines (<c>error: file:line:column: ...</c>)
/// that editors and grep understand; the progress bar uses the styled console.
/// </summary>
public static class Reports
{
    public static IAnsiConsole Stderr { get; } = AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(Console.Error),
    });

    /// <summary>An error line; text from files or the command line in it is shown safely (<see cref="TerminalText"/>).</summary>
    public static void Error(string message) => Console.Error.WriteLine($"error: {TerminalText.SafeLines(message)}");

    public static void Errors(IReadOnlyList<InputError> errors)
    {
        foreach (var error in errors)
        {
            // One error, one line: a line break from the input (in a file name, an id) is spelled out.
            Console.Error.WriteLine($"error: {TerminalText.Safe(error.ToString())}");
        }

        Console.Error.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was run.");
    }
}
