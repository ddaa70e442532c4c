using System.Text;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Experiments;

/// <summary>
/// A scenario file read as a document but not yet as a scenario, so that values can be set at
/// paths (<see cref="ScenarioPath"/>) before the loader checks it: a varied scenario gets the
/// same errors, with the same file positions, as a file written with those values.
/// </summary>
public sealed class ScenarioDocument
{
    private readonly YamlNode _root;

    // The scenario with no values put in, built once: a batch over seeds alone loads it for every run,
    // and rebuilding it (its countries, trade and world) cost more per W1 run than a tenth of the run.
    // A scenario is never changed once built, so runs can share it.
    private Scenario? _asWritten;

    private ScenarioDocument(string text, string fileName, YamlNode root)
    {
        Text = text;
        FileName = fileName;
        _root = root;
    }

    /// <summary>The file's text, as read (a run id is derived from it).</summary>
    public string Text { get; }

    public string FileName { get; }

    /// <summary>The scenario's own seed, read as <c>run</c> reads it (0 when it has none).</summary>
    public long Seed => ScenarioSeed.Of(_root);

    /// <summary>
    /// Reads the file at <paramref name="path"/>, bounded as <see cref="ScenarioLoader.LoadFile"/> is, its
    /// tables read from files written inline (<see cref="ScenarioLoader.StandingAlone"/>), so that paths
    /// into them can be varied and the runs' text carries them.
    /// </summary>
    /// <exception cref="InvalidInputException">The file cannot be read or is not a YAML document.</exception>
    public static ScenarioDocument LoadFile(string path) => FromFile(ScenarioLoader.ReadText(path), path);

    /// <summary>As <see cref="LoadFile"/>, for the text of the file at <paramref name="path"/> read already.</summary>
    /// <exception cref="InvalidInputException">The text is too large or is not a YAML document.</exception>
    public static ScenarioDocument FromFile(string text, string path) => Parse(ScenarioLoader.StandingAlone(text, path), path);

    /// <summary>Parses <paramref name="text"/> as a document; <paramref name="fileName"/> is used in errors.</summary>
    /// <exception cref="InvalidInputException">The text is too large or is not a YAML document.</exception>
    public static ScenarioDocument Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        if (text.Length > ScenarioLimits.MaxFileBytes || Encoding.UTF8.GetByteCount(text) > ScenarioLimits.MaxFileBytes)
        {
            throw new InvalidInputException([new InputError(fileName, null, null, "", $"the scenario is larger than {ScenarioLimits.MaxFileBytes} bytes, the most accepted")]);
        }

        var errors = new InputErrorList(fileName);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors);
        if (errors.Count > 0 || root is null)
        {
            throw errors.Count > 0 ? errors.ToException() : new InvalidInputException([new InputError(fileName, null, null, "", "the scenario could not be read")]);
        }

        return new ScenarioDocument(text, fileName, root);
    }

    /// <summary>
    /// Whether <paramref name="path"/> leads to a value of this document (or to a key that can be
    /// added at its end): null if so, else what is wrong.
    /// </summary>
    public string? Problem(ScenarioPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        DocumentEdit.Find(_root, path, out var error);
        return error;
    }

    /// <summary>
    /// The value at <paramref name="path"/> as written (a preset written out as its parameters
    /// gives their values), or null when the path ends at a key the document lacks or at a map or list.
    /// </summary>
    public string? ValueAt(ScenarioPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DocumentEdit.Find(_root, path, out _) is YamlScalar { IsNull: false } scalar ? scalar.Value : null;
    }

    /// <summary>Whether <paramref name="path"/> leads to a plain number in the document (false when missing).</summary>
    public bool IsNumberAt(ScenarioPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DocumentEdit.Find(_root, path, out _) is YamlScalar { IsPlain: true, IsNull: false } scalar && ValueFormat.IsNumber(scalar.Value);
    }

    /// <summary>Whether <paramref name="path"/> leads to nothing yet (a key the loader may accept if added).</summary>
    public bool IsMissing(ScenarioPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DocumentEdit.Find(_root, path, out var error) is null && error is null;
    }

    /// <summary>
    /// The document with <paramref name="settings"/> applied, as text the loader reads as the same
    /// scenario <see cref="Load"/> gives (<see cref="DocumentText"/>); for a run played where only text goes.
    /// </summary>
    /// <exception cref="InvalidInputException">A path leads nowhere.</exception>
    public string TextWith(IReadOnlyList<ScenarioSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = _root;
        foreach (var setting in settings)
        {
            root = DocumentEdit.Set(root, setting.Path, setting.Value, out var error)
                ?? throw new InvalidInputException([new InputError(FileName, null, null, setting.Path.Text, error ?? "the path leads nowhere")]);
        }

        return DocumentText.Write(root);
    }

    /// <summary>The scenario with <paramref name="settings"/> applied in order, checked by the loader.</summary>
    /// <exception cref="InvalidInputException">A path leads nowhere, or the result is not a valid scenario; every error at once.</exception>
    public Scenario Load(IReadOnlyList<ScenarioSetting> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Count == 0 && _asWritten is { } asWritten)
        {
            return asWritten;
        }

        var errors = new InputErrorList(FileName);
        var root = _root;
        foreach (var setting in settings)
        {
            if (DocumentEdit.Set(root, setting.Path, setting.Value, out var error) is { } edited)
            {
                root = edited;
            }
            else
            {
                errors.Add(null, null, setting.Path.Text, error ?? "the path leads nowhere");
            }
        }

        var scenario = errors.Count == 0 ? ScenarioBuilder.Build(root, errors, TableFiles.None) : null;
        if (errors.Count > 0 || scenario is null)
        {
            throw errors.Count > 0 ? errors.ToException() : new InvalidInputException([new InputError(FileName, null, null, "", "the scenario could not be read")]);
        }

        if (settings.Count == 0)
        {
            _asWritten = scenario;
        }

        return scenario;
    }
}
