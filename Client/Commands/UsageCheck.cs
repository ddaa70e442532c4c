using System.Reflection;
using Simulation.Model.Scenarios;
using Spectre.Console.Cli;

namespace Simulation.Client.Commands;

/// <summary>
/// Words on the command line that no command or option answers to (DESIGN §8: unknown options and
/// misspelt commands are errors, never ignored), found before anything runs so that the message can
/// name the word and suggest the one probably meant, as the scenario loader does for keys. The
/// parser still rejects whatever else it cannot place, such as a second file or an option without
/// its value. (Spectre's strict mode is not used: to place a word it cannot place, it retries with
/// a made-up "__default_command" inserted, which then becomes the value of an option left without one.)
/// </summary>
public static class UsageCheck
{
    private static readonly string[] s_helpOptions = ["-h", "--help", "-?"];
    private static readonly string[] s_globalOptions = ["--help", "--version"];

    /// <summary>The first problem with <paramref name="args"/>, or null if every word is known.</summary>
    /// <param name="commands">Each command's name and the type of its settings.</param>
    public static string? FirstProblem(IReadOnlyList<string> args, IReadOnlyDictionary<string, Type> commands)
    {
        if (args.Count == 0)
        {
            return null;
        }

        var first = args[0];
        if (first.StartsWith('-'))
        {
            return s_helpOptions.Contains(first, StringComparer.Ordinal) || first is "-v" or "--version"
                ? null
                : Unknown($"unknown option {Quote(first)}", first.TrimStart('-'), s_globalOptions, "tradesim");
        }

        if (!commands.TryGetValue(first, out var settings))
        {
            var hint = Suggestion.Closest(first, commands.Keys) is { } close ? $"; did you mean '{close}'?" : "";
            return $"unknown command {Quote(first)}{hint} (commands: {string.Join(", ", commands.Keys)})";
        }

        var (longNames, shortNames) = OptionsOf(settings);
        for (var i = 1; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                return $"'tradesim {first}' takes nothing after '--', got {Quote(string.Join(' ', args.Skip(i + 1)))}";
            }

            if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..].Split('=', ':')[0];
                if (!longNames.Contains(name) && name != "help")
                {
                    return Unknown($"unknown option {Quote("--" + name)} for 'tradesim {first}'", name, longNames.Select(n => "--" + n), $"tradesim {first}");
                }
            }
            else if (arg.Length > 1 && arg[0] == '-' && (char.IsLetter(arg[1]) || arg[1] == '?'))
            {
                // Short options may be grouped (-ab); a value may follow '=' or ':'. "-5" is a value.
                foreach (var letter in arg[1..].TakeWhile(c => c is not ('=' or ':')))
                {
                    if (!shortNames.Contains(letter.ToString()) && letter is not ('h' or '?'))
                    {
                        return $"unknown option {Quote("-" + letter)} for 'tradesim {first}'; see 'tradesim {first} --help'";
                    }
                }
            }
        }

        return null;
    }

    private static string Unknown(string what, string name, IEnumerable<string> candidates, string command)
    {
        var close = Suggestion.Closest(name, candidates.Select(c => c.TrimStart('-')));
        return close is null ? $"{what}; see '{command} --help'" : $"{what}; did you mean '--{close}'?";
    }

    /// <summary>The long and short option names a settings type declares, its base types' included.</summary>
    private static (HashSet<string> Long, HashSet<string> Short) OptionsOf(Type settings)
    {
        var options = settings.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<CommandOptionAttribute>())
            .OfType<CommandOptionAttribute>()
            .ToList();
        return (
            options.SelectMany(o => o.LongNames).ToHashSet(StringComparer.Ordinal),
            options.SelectMany(o => o.ShortNames).ToHashSet(StringComparer.Ordinal));
    }

    private static string Quote(string word) => $"'{word}'";
}
