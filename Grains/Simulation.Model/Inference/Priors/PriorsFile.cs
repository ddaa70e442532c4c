using Simulation.Model.Experiments;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Inference;

/// <summary>
/// Reads a priors file (DESIGN §9), one prior per scenario path as in <c>batch --vary/--sample</c>:
/// <code>
/// parameters:
///   countries.CHN.objective: choice(mercantilist, welfare, political)
///   countries.CAN.objective: "choice({political: 0.5, welfare: 0.3, mercantilist: 0.2})"
///   countries.CHN.strategy.e: loguniform(0.1, 5)
///   sectors.canola_seed.supply_elasticity: normal(1.5, 0.5)   # truncated to the field's range
/// </code>
/// <c>uniform</c>, <c>normal</c> and the equal <c>choice</c> are read by the batch's
/// <see cref="Distribution"/> parser; <c>loguniform</c> and the weighted <c>choice</c> here. A prior
/// reaching outside its field's known range (<see cref="FieldRanges"/>) is refused. Every error is
/// reported at once, with line and column.
/// </summary>
public static class PriorsFile
{
    /// <summary>The most parameters a file may declare.</summary>
    public const int MaxParameters = 100;

    /// <summary>Below this share of its mass in the field's range a normal prior is refused: it would say little but the range.</summary>
    public const double MinNormalMass = 0.001;

    private const string Names = "uniform(a,b), loguniform(a,b), normal(mu,sd), choice(x,y,...) or choice({x: p, y: q})";

    private static readonly string[] s_keys = ["parameters", "description"];

    /// <exception cref="InvalidInputException">Every problem, each with file, line, column and path.</exception>
    public static IReadOnlyList<ParameterPrior> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(BoundedFile.ReadText(path, path, ScenarioLimits.MaxFileBytes), path);
    }

    /// <exception cref="InvalidInputException">Every problem, each with file, line, column and path.</exception>
    public static IReadOnlyList<ParameterPrior> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new InputErrorList(fileName);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors);
        var priors = new List<ParameterPrior>();
        var found = new List<InputError>();
        if (root is not null && MappingFields.Open(new YamlField(root, ""), errors, "a priors file", s_keys)?.Required("parameters") is { } parameters)
        {
            if (parameters.Node is not YamlMapping { Entries.Count: > 0 } mapping)
            {
                errors.Add(parameters.Node, parameters.Path, $"expected a mapping of scenario paths to priors, such as countries.CAN.strategy.e: uniform(0.1, 5); got {parameters.Node.Describe()}");
            }
            else if (mapping.Entries.Count > MaxParameters)
            {
                errors.Add(parameters.Node, parameters.Path, $"{mapping.Entries.Count} parameters; at most {MaxParameters} are accepted");
            }
            else
            {
                foreach (var entry in mapping.Entries)
                {
                    var origin = new InputOrigin(fileName, entry.Key.Line, entry.Key.Column);
                    var path = ExperimentOptions.ReadPath(entry.Key.Value, origin, found);
                    if (entry.Value is not YamlScalar { IsNull: false } scalar)
                    {
                        errors.Add(entry.Value, DocumentPath.Key("parameters", entry.Key.Value), $"expected a prior: {Names}");
                        continue;
                    }

                    if (path is null)
                    {
                        continue;
                    }

                    if (Read(path, scalar.Value.Trim(), out var error) is { } prior)
                    {
                        priors.Add(new ParameterPrior(path, prior, origin));
                    }
                    else
                    {
                        errors.Add(scalar, path.Text, error ?? "not a prior");
                    }
                }
            }
        }

        foreach (var error in found)
        {
            errors.Add(error.Line, error.Column, error.Path, error.Message);
        }

        if (errors.Count > 0)
        {
            throw errors.ToException();
        }

        return priors;
    }

    /// <summary>The prior <paramref name="text"/> for the field at <paramref name="path"/>; null with <paramref name="error"/> saying what is wrong.</summary>
    public static Prior? Read(ScenarioPath path, string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(text);
        var range = FieldRanges.For(path);
        error = null;
        if (text.StartsWith("loguniform(", StringComparison.Ordinal) && text.EndsWith(')'))
        {
            var numbers = text["loguniform(".Length..^1].Split(',').Select(a => ValueFormat.Number(a.Trim())).ToList();
            if (numbers.Count != 2 || numbers.Any(n => n is null))
            {
                error = $"loguniform(a,b) takes two numbers, got '{text["loguniform".Length..]}'";
                return null;
            }

            var (low, high) = (numbers[0]!.Value, numbers[1]!.Value);
            if (!(low > 0 && low < high))
            {
                error = $"loguniform(a,b) needs 0 < a < b, got a = {ValueFormat.Show(low)}, b = {ValueFormat.Show(high)}";
                return null;
            }

            return InRange(new LogUniformPrior(low, high), low, high, range, out error);
        }

        if (text.StartsWith("choice(", StringComparison.Ordinal) && text.EndsWith(')') && text["choice(".Length..^1].Trim() is ['{', .., '}'] weighted)
        {
            return WeightedChoice(weighted[1..^1], out error);
        }

        var distribution = Distribution.TryParse(text, out var distributionError);
        switch (distribution)
        {
            case Distribution.Uniform u:
                return InRange(new UniformPrior(u.Low, u.High), u.Low, u.High, range, out error);
            case Distribution.Normal { StandardDeviation: <= 0 } n:
                error = $"normal(mu,sd) needs sd > 0, got {ValueFormat.Show(n.StandardDeviation)}";
                return null;
            case Distribution.Normal n:
                var normal = new NormalPrior(n.Mean, n.StandardDeviation, range?.Min ?? double.NegativeInfinity, range?.Max ?? double.PositiveInfinity);
                if (normal.Mass < MinNormalMass)
                {
                    error = $"{normal.Text} has less than {ValueFormat.Show(MinNormalMass)} of its mass in the field's range ({range!.Text})";
                    return null;
                }

                return normal;
            case Distribution.Choice c when c.Values.Distinct(StringComparer.Ordinal).Count() != c.Values.Count:
                error = "choice(...) lists a value twice";
                return null;
            case Distribution.Choice c:
                return new ChoicePrior(c.Values, [.. c.Values.Select(_ => 1.0 / c.Values.Count)]);
            case null when text.StartsWith("lognormal(", StringComparison.Ordinal) is false:
                error = distributionError?.Replace("uniform(a,b), normal(m,s), lognormal(m,s) or choice(x,y,...)", Names, StringComparison.Ordinal)
                    .Replace("(available: uniform, normal, lognormal, choice)", "(available: uniform, loguniform, normal, choice)", StringComparison.Ordinal);
                return null;
            default:
                error = $"'{text}' is not a prior here; write {Names}";
                return null;
        }
    }

    private static Prior? InRange(Prior prior, double low, double high, FieldRange? range, out string? error)
    {
        error = null;
        if (range is not null && (low < range.Min || (range.MinExclusive && low <= range.Min) || high > range.Max))
        {
            error = $"{prior.Text} reaches outside the field's range: it must be {range.Text}";
            return null;
        }

        return prior;
    }

    private static ChoicePrior? WeightedChoice(string body, out string? error)
    {
        error = null;
        var options = new List<string>();
        var probabilities = new List<double>();
        foreach (var part in body.Split(','))
        {
            var colon = part.LastIndexOf(':');
            var option = colon < 0 ? "" : part[..colon].Trim();
            var probability = colon < 0 ? null : ValueFormat.Number(part[(colon + 1)..].Trim());
            if (option.Length == 0 || probability is not { } p)
            {
                error = $"choice({{x: p, y: q}}) needs each option written VALUE: PROBABILITY, got '{part.Trim()}'";
                return null;
            }

            if (!(p > 0 && p <= 1))
            {
                error = $"the probability of {option} must be > 0 and ≤ 1, got {ValueFormat.Show(p)}";
                return null;
            }

            if (options.Contains(option, StringComparer.Ordinal))
            {
                error = $"choice(...) lists {option} twice";
                return null;
            }

            options.Add(option);
            probabilities.Add(p);
        }

        var sum = probabilities.Sum();
        if (Math.Abs(sum - 1) > 1e-6)
        {
            error = $"the probabilities of choice(...) must add up to 1, got {ValueFormat.Show(sum)}";
            return null;
        }

        return new ChoicePrior(options, [.. probabilities.Select(p => p / sum)]);
    }
}
