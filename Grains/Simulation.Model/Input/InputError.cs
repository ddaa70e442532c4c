namespace Simulation.Model.Input;

/// <summary>
/// One thing wrong with a user's file: where it is (file, 1-based line and column when known, and
/// the path inside the document such as <c>negotiations[0].issues[1].sector</c>) and what is wrong.
/// </summary>
public sealed record InputError(string File, int? Line, int? Column, string Path, string Message)
{
    /// <summary>Compiler-style: <c>file:line:column: path: message</c>, so editors can jump to it.</summary>
    public override string ToString()
    {
        var location = Line is { } line
            ? Column is { } column ? $"{File}:{line}:{column}" : $"{File}:{line}"
            : File;
        return string.IsNullOrEmpty(Path) ? $"{location}: {Message}" : $"{location}: {Path}: {Message}";
    }
}
