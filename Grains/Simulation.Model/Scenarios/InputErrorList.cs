using Simulation.Model.Input;

namespace Simulation.Model.Scenarios;

/// <summary>
/// The errors found so far in one file. Loading goes on after an error so that a user sees every
/// problem at once; past <see cref="ScenarioLimits.MaxErrors"/> one last error says the list stops.
/// </summary>
internal sealed class InputErrorList(string file)
{
    private readonly List<InputError> _errors = [];

    public string File { get; } = file;

    public int Count => _errors.Count;

    /// <remarks>
    /// A node read from a table file names that file and its line; its column is left out, since
    /// a CSV field has no column of its own there (the path names the column).
    /// </remarks>
    public void Add(YamlNode at, string path, string message)
    {
        if (at.File is { } table)
        {
            Add(table, at.Line, null, path, message);
        }
        else
        {
            Add(at.Line, at.Column, path, message);
        }
    }

    public void Add(int? line, int? column, string path, string message) => Add(File, line, column, path, message);

    /// <summary>An error in <paramref name="file"/>, a table file the scenario reads, rather than in the scenario itself.</summary>
    public void Add(string file, int? line, int? column, string path, string message)
    {
        if (_errors.Count > ScenarioLimits.MaxErrors)
        {
            return;
        }

        _errors.Add(_errors.Count < ScenarioLimits.MaxErrors
            ? new InputError(file, line, column, path, message)
            : new InputError(file, line, column, "", $"too many errors; stopped listing after {ScenarioLimits.MaxErrors}"));
    }

    /// <summary>
    /// The exception carrying every error, in file order (errors are found in reading order, which
    /// is not always the file's), the "too many errors" note staying last. The scenario's own errors
    /// come first, then those of each table file it reads, by file name.
    /// </summary>
    public InvalidInputException ToException()
    {
        var found = Math.Min(_errors.Count, ScenarioLimits.MaxErrors);
        var listed = _errors.GetRange(0, found).OrderBy(e => e.File == File ? 0 : 1).ThenBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line ?? 0).ThenBy(e => e.Column ?? 0).ToList();
        listed.AddRange(_errors.GetRange(found, _errors.Count - found));
        return new InvalidInputException(listed);
    }
}
