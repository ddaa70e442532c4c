using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Experiments;

/// <summary>
/// Reads an experiment file: a batch written down instead of typed (DESIGN §6.5), read with the
/// scenario loader's bounded YAML reader.
/// <code>
/// scenario: ../scenarios/canada-china.yaml   # relative to this file
/// seed: 7                                     # optional: else the scenario's seed
/// runs: 20                                    # replicates per variant, default 1
/// vary:                                       # a grid, as --vary
///   countries.CAN.strategy.e: [0.2, 1, 2]
/// sample:                                     # drawn per run, as --sample
///   sectors.canola_seed.supply_elasticity: uniform(1, 3)
/// </code>
/// Paths that hold <c>[</c> are plain YAML keys in block style (<c>trade[3].tariff: [0, 5]</c>).
/// </summary>
public static class ExperimentFile
{
    public const string ScenarioKey = "scenario";

    private static readonly string[] s_keys = [ScenarioKey, "description", "seed", "runs", "vary", "sample"];

    /// <summary>Whether <paramref name="text"/> is an experiment (a mapping with <c>scenario</c>) rather than a scenario.</summary>
    public static bool IsExperiment(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), new InputErrorList(""));
        return root is YamlMapping mapping && mapping.Find(ScenarioKey) is not null;
    }

    /// <summary>
    /// Reads the experiment in <paramref name="text"/>; its scenario path is taken relative to
    /// <paramref name="fileName"/>'s folder.
    /// </summary>
    /// <exception cref="InvalidInputException">Every problem in the file, each with line, column and path.</exception>
    public static Experiment Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new InputErrorList(fileName);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors);
        var options = new List<InputError>();
        var experiment = root is null ? null : Read(root, fileName, errors, options);
        foreach (var error in options)
        {
            errors.Add(error.Line, error.Column, error.Path, error.Message);
        }

        if (errors.Count > 0 || experiment is null)
        {
            throw errors.Count > 0 ? errors.ToException() : new InvalidInputException([new InputError(fileName, null, null, "", "the experiment could not be read")]);
        }

        return experiment;
    }

    private static Experiment? Read(YamlNode root, string fileName, InputErrorList errors, List<InputError> options)
    {
        var top = MappingFields.Open(new YamlField(root, ""), errors, "an experiment", s_keys);
        if (top is null)
        {
            return null;
        }

        var scenario = top.Required(ScenarioKey) is { } scenarioField ? ScalarReader.NonEmptyText(scenarioField, errors) : null;
        long? seed = top.Optional(ScenarioSeed.Key) is { } seedField ? ScenarioSeed.Read(seedField, errors) : null;
        var runs = top.Optional("runs") is { } runsField ? (int)(ScalarReader.Integer(runsField, errors, 1, ExperimentLimits.MaxReplicates) ?? 1) : 1;
        if (top.Optional("description") is { } description && description.Node is not YamlScalar)
        {
            errors.Add(description.Node, description.Path, $"expected text, got {description.Node.Describe()}");
        }

        var vary = new List<GridAxis>();
        foreach (var (node, path, value) in Entries(top.Optional("vary"), errors))
        {
            var origin = new InputOrigin(fileName, node.Line, node.Column);
            var values = value switch
            {
                YamlSequence list when list.Items.All(i => i is YamlScalar { IsNull: false }) => list.Items.Cast<YamlScalar>().Select(s => s.Value).ToList(),
                YamlScalar { IsNull: false } single => [single.Value],
                _ => null,
            };
            if (values is null)
            {
                errors.Add(value, DocumentPath.Key("vary", path), "expected a list of values, such as [0.2, 1, 2]");
                continue;
            }

            if (ExperimentOptions.ReadPath(path, origin, options) is { } scenarioPath &&
                ExperimentOptions.ReadValues(scenarioPath, values, origin, options) is { } axis)
            {
                vary.Add(axis);
            }
        }

        var sample = new List<SampledInput>();
        foreach (var (node, path, value) in Entries(top.Optional("sample"), errors))
        {
            var origin = new InputOrigin(fileName, node.Line, node.Column);
            if (value is not YamlScalar { IsNull: false } distribution)
            {
                errors.Add(value, DocumentPath.Key("sample", path), "expected a distribution, such as uniform(1, 3)");
                continue;
            }

            if (ExperimentOptions.ReadPath(path, origin, options) is { } scenarioPath &&
                ExperimentOptions.ReadDistribution(scenarioPath, distribution.Value, origin, options) is { } input)
            {
                sample.Add(input);
            }
        }

        if (scenario is null)
        {
            return null;
        }

        var folder = Path.GetDirectoryName(fileName);
        var scenarioFile = Path.IsPathRooted(scenario) || string.IsNullOrEmpty(folder) ? scenario : Path.Combine(folder, scenario);
        return new Experiment(scenarioFile, vary, sample, runs, seed);
    }

    private static IEnumerable<(YamlNode Key, string Path, YamlNode Value)> Entries(YamlField? field, InputErrorList errors)
    {
        if (field is null)
        {
            yield break;
        }

        if (field.Value.Node is not YamlMapping mapping)
        {
            errors.Add(field.Value.Node, field.Value.Path, $"expected a mapping of scenario paths, got {field.Value.Node.Describe()}");
            yield break;
        }

        foreach (var entry in mapping.Entries)
        {
            yield return (entry.Key, entry.Key.Value, entry.Value);
        }
    }
}
