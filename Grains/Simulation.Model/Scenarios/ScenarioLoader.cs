using System.Text;
using Simulation.Model.Input;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Loads scenario files (DESIGN §6.1; YAML, or JSON since YAML reads it). Files are untrusted input:
/// loading is bounded in size, depth and alias expansion (<see cref="ScenarioLimits"/>), never
/// instantiates types named by the file, and fails only with <see cref="InvalidInputException"/>
/// listing every error found, each with file, line, column and path.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Reads and parses the file at <paramref name="path"/>; errors name the file as given.</summary>
    /// <exception cref="InvalidInputException">The file or a table file it names cannot be read, or it is not a valid scenario.</exception>
    public static Scenario LoadFile(string path) => Load(path).Scenario;

    /// <summary>
    /// Reads and parses the file at <paramref name="path"/>, its tables written <c>{ file: NAME.csv }</c>
    /// read from its folder (<see cref="TableFiles"/>), and returns the scenario with its text standing
    /// alone: every such table written inline. That text is what a run is known by and sends to a silo.
    /// </summary>
    /// <exception cref="InvalidInputException">The file or a table file it names cannot be read, or it is not a valid scenario.</exception>
    public static LoadedScenario Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Load(ReadText(path), path);
    }

    /// <summary>As <see cref="Load(string)"/>, for the text of the file at <paramref name="path"/> read already.</summary>
    /// <exception cref="InvalidInputException">A table file cannot be read, or the text is not a valid scenario.</exception>
    public static LoadedScenario Load(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(path);
        var files = TableFiles.Beside(path);
        var scenario = Parse(text, path, files);
        if (!files.Any)
        {
            return new LoadedScenario(text, scenario);
        }

        var inlined = files.Inline(text.TrimStart('\uFEFF'));
        if (Encoding.UTF8.GetByteCount(inlined) > ScenarioLimits.MaxFileBytes)
        {
            throw Single(path, $"with its table files written inline the scenario is {Encoding.UTF8.GetByteCount(inlined)} bytes, " +
                $"more than the {ScenarioLimits.MaxFileBytes} a run accepts; aggregate the tables further (fewer rows)");
        }

        return new LoadedScenario(inlined, scenario);
    }

    /// <summary>
    /// The text of the file at <paramref name="path"/> standing alone, as <see cref="Load(string, string)"/>
    /// gives it, when it reads a table from a file; otherwise <paramref name="text"/> itself, unchecked.
    /// </summary>
    /// <exception cref="InvalidInputException">The text reads a table file and it or the scenario is not valid.</exception>
    public static string StandingAlone(string text, string path)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new InputErrorList(path);
        return YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors) is YamlMapping root && TableRows.AnyFromFile(root)
            ? Load(text, path).Text
            : text;
    }

    /// <summary>
    /// Parses scenario text; <paramref name="fileName"/> is only used in errors. Text alone has no
    /// folder, so a table written <c>{ file: NAME.csv }</c> is refused (see <see cref="Load(string)"/>).
    /// </summary>
    /// <exception cref="InvalidInputException">The text is not a valid scenario.</exception>
    public static Scenario Parse(string text, string fileName) => Parse(text, fileName, TableFiles.None);

    private static Scenario Parse(string text, string fileName, TableFiles files)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);

        // Length first: a char is at least one UTF-8 byte, so this rejects huge strings without
        // counting their bytes.
        if (text.Length > ScenarioLimits.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > ScenarioLimits.MaxFileBytes)
        {
            throw Single(fileName, $"the scenario is larger than {ScenarioLimits.MaxFileBytes} bytes, the most accepted");
        }

        var errors = new InputErrorList(fileName);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors);
        var scenario = root is null ? null : ScenarioBuilder.Build(root, errors, files);
        if (errors.Count > 0 || scenario is null)
        {
            throw errors.Count > 0 ? errors.ToException() : Single(fileName, "the scenario could not be read");
        }

        return scenario;
    }

    /// <summary>
    /// The text of the file at <paramref name="path"/>, read once and bounded as <see cref="LoadFile"/>
    /// reads it, for a caller that needs the text itself (a pipe cannot be read twice).
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read, is too large or is not UTF-8.</exception>
    public static string ReadText(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return BoundedFile.ReadText(path, path, ScenarioLimits.MaxFileBytes);
    }

    private static InvalidInputException Single(string file, string message) =>
        new([new InputError(file, null, null, "", message)]);
}
