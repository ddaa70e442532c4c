using Spectre.Console;
using Spectre.Console.Rendering;

namespace Simulation.Client.Output;

/// <summary>
/// A model's warnings as lines for the top of a table report (<c>warning: …</c>), before any table:
/// they say which numbers below are not to be read as results. In JSON they are the <c>warnings</c>
/// array, and stdout holds nothing but the JSON.
/// </summary>
public static class Warnings
{
    public static IEnumerable<IRenderable> Lines(IEnumerable<string> warnings) =>
        warnings.Select(warning => new Markup($"[yellow]warning:[/] {TerminalText.Markup(warning)}\n"));
}
