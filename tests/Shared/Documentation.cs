using System.Text.RegularExpressions;

namespace Simulation.Tests.Shared;

/// <summary>
/// The repository's user documentation (README.md and the files under docs/), read by the tests that
/// check what it claims: its examples run and print the numbers it quotes.
/// </summary>
public static partial class Documentation
{
    /// <summary>A file under docs/, e.g. <c>case-studies/us-canada.md</c>.</summary>
    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>
    /// The file with every run of white space one blank, so that a check of its prose does not depend
    /// on where its lines wrap.
    /// </summary>
    public static string ReadFlat(string relativePath) => WhiteSpace().Replace(Read(relativePath), " ");

    public static string PathOf(string relativePath) => Path.Combine(RepositoryPaths.Root, "docs", relativePath);

    /// <summary>
    /// The arguments of a command a page shows as <c>dotnet run --project Client -- ARGS</c>, split at
    /// blanks, so a test runs it as written.
    /// </summary>
    /// <exception cref="ArgumentException">The command does not start that way.</exception>
    public static string[] CommandArguments(string command)
    {
        const string prefix = "dotnet run --project Client -- ";
        return command.StartsWith(prefix, StringComparison.Ordinal)
            ? command[prefix.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)
            : throw new ArgumentException($"a documented command starts with '{prefix}': {command}", nameof(command));
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
