using System.Text;
using System.Text.RegularExpressions;
using Simulation.Model.Input;

namespace Simulation.Model.Scenarios;

/// <summary>
/// The CSV files a scenario's tables are read from (<c>trade: { file: flows.csv }</c>, DESIGN §6.1),
/// and the scenario's text with those tables written inline, which stands alone: a run's id, the
/// outcome's SHA-256 and a silo that receives the scenario as text (and never reads files) all see
/// the data itself.
/// </summary>
/// <remarks>
/// Scenario files may come from elsewhere, so a table file is confined to the scenario's folder: its
/// path must be relative, end in <c>.csv</c>, stay inside that folder (or a folder below it) once
/// <c>..</c> is resolved, and pass through no symbolic link; and it is bounded by
/// <see cref="ScenarioLimits.MaxTableFileBytes"/>. A scenario given as text alone (no folder) cannot
/// read any file.
/// </remarks>
internal sealed partial class TableFiles
{
    private readonly string? _folder;
    private readonly string? _shownFolder;
    private readonly List<(YamlMapping At, YamlSequence Rows)> _read = [];

    private TableFiles(string? folder, string? shownFolder)
    {
        _folder = folder;
        _shownFolder = shownFolder;
    }

    /// <summary>No folder: a table written <c>{ file: ... }</c> is refused.</summary>
    public static TableFiles None => new(null, null);

    /// <summary>The folder of the scenario file at <paramref name="scenarioPath"/>; errors show paths as it is given.</summary>
    public static TableFiles Beside(string scenarioPath) =>
        new(Path.GetDirectoryName(Path.GetFullPath(scenarioPath)), Path.GetDirectoryName(scenarioPath) ?? "");

    /// <summary>Whether any table was read from a file.</summary>
    public bool Any => _read.Count > 0;

    /// <summary>The rows of the table <paramref name="field"/> (a mapping <c>{ file: NAME.csv }</c>) names, or null with errors.</summary>
    public YamlSequence? Read(YamlField field, TableShape shape, InputErrorList errors)
    {
        var fields = MappingFields.Open(field, errors, $"{shape.Key} read from a file", [TableRows.FileKey]);
        if (fields?.Required(TableRows.FileKey) is not { } nameField || ScalarReader.NonEmptyText(nameField, errors) is not { } name)
        {
            return null;
        }

        if (_folder is null || _shownFolder is null)
        {
            errors.Add(nameField.Node, nameField.Path,
                "a table file is read from the scenario file's folder, and this scenario was given as text alone; write the rows inline");
            return null;
        }

        if (Problem(name) is { } problem)
        {
            errors.Add(nameField.Node, nameField.Path, $"{Quoted.Text(name)} {problem}");
            return null;
        }

        var shown = Path.Combine(_shownFolder, name);
        string text;
        try
        {
            text = BoundedFile.ReadText(Path.Combine(_folder, name), shown, ScenarioLimits.MaxTableFileBytes);
        }
        catch (InvalidInputException e)
        {
            foreach (var error in e.Errors)
            {
                errors.Add(nameField.Node, nameField.Path, $"{Quoted.Text(name)}: {error.Message}");
            }

            return null;
        }

        var rows = TableCsv.Read(text, shown, shape, field.Path, errors);
        if (rows is not null && field.Node is YamlMapping at)
        {
            _read.Add((at, rows));
        }

        return rows;
    }

    /// <summary>
    /// <paramref name="text"/> (the text the tables' nodes were read from) with each table read from a
    /// file written in its place as a one-line flow list of its rows, so that no line of the scenario
    /// moves. Each value is written so that YAML reads it back as the same plain scalar.
    /// </summary>
    public string Inline(string text)
    {
        var inlined = new StringBuilder(text);
        foreach (var (at, rows) in _read.OrderByDescending(r => r.At.Span.Start))
        {
            var list = new StringBuilder("[");
            foreach (var row in rows.Items.Cast<YamlMapping>())
            {
                list.Append(list.Length > 1 ? ", {" : "{");
                list.AppendJoin(", ", row.Entries.Select(e => $"{e.Key.Value}: {FlowScalar(((YamlScalar)e.Value).Value)}"));
                list.Append('}');
            }

            list.Append(']');
            inlined.Remove(at.Span.Start, at.Span.End - at.Span.Start).Insert(at.Span.Start, list.ToString());
        }

        return inlined.ToString();
    }

    /// <summary>What is wrong with <paramref name="name"/> as a table file's path, or null.</summary>
    private string? Problem(string name)
    {
        if (Path.IsPathRooted(name) || name.Contains(':', StringComparison.Ordinal))
        {
            return "must be a path relative to the scenario file's folder";
        }

        if (!name.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return "must name a .csv file";
        }

        var folder = Path.TrimEndingDirectorySeparator(_folder!);
        var full = Path.GetFullPath(Path.Combine(folder, name));
        if (!full.StartsWith(folder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return "leads outside the scenario file's folder; a table file must be in that folder or one below it";
        }

        // Each step below the folder, the file last: a link could lead anywhere.
        for (var step = full; step.Length > folder.Length; step = Path.GetDirectoryName(step)!)
        {
            if (new FileInfo(step) is { Exists: true, LinkTarget: not null } || new DirectoryInfo(step) is { Exists: true, LinkTarget: not null })
            {
                return $"passes through a symbolic link ({Path.GetFileName(step)}); table files are read only where they are";
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="value"/> as a YAML flow scalar: plain when it can be (a number stays a
    /// number), otherwise double-quoted, which only text can be and which reads as the same text.
    /// </summary>
    internal static string FlowScalar(string value)
    {
        if (SafePlain().IsMatch(value))
        {
            return value;
        }

        var quoted = new StringBuilder("\"");
        foreach (var c in value)
        {
            quoted.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                < ' ' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>
    /// Text YAML reads back unchanged as a plain scalar in a flow list: no indicator first, no
    /// <c>,:#[]{}</c>, quotes or trailing blank anywhere.
    /// </summary>
    [GeneratedRegex(@"^(?:[A-Za-z0-9_]|[-+.][A-Za-z0-9_.+-])(?:[A-Za-z0-9_.+/()-]| (?=[^ ]))*$")]
    private static partial Regex SafePlain();
}
