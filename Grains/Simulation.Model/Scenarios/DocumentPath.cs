using System.Buffers;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Builds the paths that errors show, such as <c>negotiations[0].issues[1].sector</c> or
/// <c>countries.CAN.strategy.e</c>. A key that would make the path ambiguous is quoted.
/// </summary>
internal static class DocumentPath
{
    private static readonly SearchValues<char> s_plainKeyChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-");

    /// <remarks>Long keys are cut (see <see cref="Quoted"/>); no valid key is that long.</remarks>
    public static string Key(string parent, string key)
    {
        var shown = Quoted.Short(key);
        if (shown.Length == 0 || shown.AsSpan().ContainsAnyExcept(s_plainKeyChars))
        {
            // The key's own backslashes and quotes are escaped before its controls are spelled out,
            // so a line break (["a\nb"]) and a typed backslash-n (["a\\nb"]) read differently.
            var escaped = key.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
            return parent + "[\"" + Quoted.Short(escaped) + "\"]";
        }

        return parent.Length == 0 ? shown : $"{parent}.{shown}";
    }

    public static string Index(string parent, int index) => $"{parent}[{index}]";
}
