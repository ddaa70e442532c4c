namespace Simulation.Model.Scenarios;

/// <summary>
/// How text from the file appears in messages: quoted, and cut when long, so that a hostile file
/// cannot make its error report as large as itself many times over (aliases repeat a value).
/// </summary>
internal static class Quoted
{
    private const int MaxShown = 64;

    public static string Text(string text) => $"'{Short(text)}'";

    public static string Short(string text) => text.Length <= MaxShown ? text : string.Concat(text.AsSpan(0, MaxShown - 3), "...");
}
