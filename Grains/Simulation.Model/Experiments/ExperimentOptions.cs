using Simulation.Model.Input;

namespace Simulation.Model.Experiments;

/// <summary>
/// Reads the batch options <c>--vary PATH=V1,V2,...</c> and <c>--sample PATH=distribution</c>
/// (DESIGN §6.5). Each problem becomes an <see cref="InputError"/> naming the option and the path,
/// so that every mistake on a command line is reported at once.
/// </summary>
public static class ExperimentOptions
{
    public const string VaryOption = "--vary";
    public const string SampleOption = "--sample";

    /// <summary>One <c>--vary</c> value; null (with errors added) when it is not <c>PATH=V1,V2,...</c>.</summary>
    public static GridAxis? ReadVary(string text, List<InputError> errors) => ReadVary(text, InputOrigin.Option(VaryOption), errors);

    /// <summary>One <c>--sample</c> value; null (with errors added) when it is not <c>PATH=distribution</c>.</summary>
    public static SampledInput? ReadSample(string text, List<InputError> errors) => ReadSample(text, InputOrigin.Option(SampleOption), errors);

    internal static GridAxis? ReadVary(string text, InputOrigin origin, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        if (Split(text, origin, errors, "PATH=V1,V2,...") is not { } split)
        {
            return null;
        }

        var (path, valuesText) = split;

        var values = valuesText.Split(',').Select(v => v.Trim()).ToList();
        return ReadValues(path, values, origin, errors);
    }

    internal static GridAxis? ReadValues(ScenarioPath path, IReadOnlyList<string> values, InputOrigin origin, List<InputError> errors)
    {
        if (values.Count == 0)
        {
            errors.Add(Error(origin, path.Text, "has no values; give at least one, such as [0.2, 1, 2]"));
            return null;
        }

        if (values.Any(v => v.Length == 0))
        {
            errors.Add(Error(origin, path.Text, "every value must be non-empty (values are separated by commas)"));
            return null;
        }

        var repeated = values.GroupBy(v => v, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
        {
            errors.Add(Error(origin, path.Text, $"the value {string.Join(", ", repeated)} is given twice; each variant must differ"));
            return null;
        }

        return new GridAxis(path, values, origin);
    }

    internal static SampledInput? ReadSample(string text, InputOrigin origin, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(errors);
        if (Split(text, origin, errors, "PATH=uniform(a,b)") is not { } split)
        {
            return null;
        }

        var (path, distributionText) = split;

        return ReadDistribution(path, distributionText, origin, errors);
    }

    internal static SampledInput? ReadDistribution(ScenarioPath path, string text, InputOrigin origin, List<InputError> errors)
    {
        if (Distribution.TryParse(text.Trim(), out var error) is { } distribution)
        {
            return new SampledInput(path, distribution, origin);
        }

        errors.Add(Error(origin, path.Text, error ?? "not a distribution"));
        return null;
    }

    /// <summary>Reads a path as written in an option or a file, adding an error when it is not one.</summary>
    internal static ScenarioPath? ReadPath(string text, InputOrigin origin, List<InputError> errors)
    {
        if (ScenarioPath.TryParse(text.Trim(), out var error) is { } path)
        {
            return path;
        }

        errors.Add(Error(origin, text, $"not a scenario path ({error}); write it as errors show it, e.g. countries.CAN.strategy.e or trade[3].tariff"));
        return null;
    }

    internal static InputError Error(InputOrigin origin, string path, string message) =>
        new(origin.File, origin.Line, origin.Column, path, message);

    private static (ScenarioPath Path, string Text)? Split(string text, InputOrigin origin, List<InputError> errors, string form)
    {
        var equals = text.IndexOf('=', StringComparison.Ordinal);
        if (equals < 0)
        {
            errors.Add(Error(origin, "", $"'{text}' must be written {form}"));
            return null;
        }

        return ReadPath(text[..equals], origin, errors) is { } path ? (path, text[(equals + 1)..]) : null;
    }
}
