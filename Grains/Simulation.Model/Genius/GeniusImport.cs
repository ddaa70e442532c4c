using System.Globalization;
using System.Xml.Linq;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Genius;

/// <summary>
/// Reads a GENIUS domain (<c>negotiation_template</c> → <c>utility_space</c> → <c>objective</c> →
/// <c>issue</c>: discrete with <c>item value=</c>, integer with bounds, real with a <c>range</c>) and
/// linear-additive profiles (<c>utility_space</c> → <c>objective</c> → issues with item
/// <c>evaluation=</c>s or an <c>evaluator</c>, and <c>weight index= value=</c>; <c>reservation value=</c>
/// and <c>discount_factor value=</c> beside the objective) into a <see cref="GeniusScenario"/>, with
/// GENIUS's own semantics (AdditiveUtilitySpace, EvaluatorDiscrete/Integer/Real; see
/// <see cref="GeniusEvaluators"/>). Every file is untrusted (<see cref="GeniusXml"/>), and every
/// problem of every file is reported at once, with file, line and column.
/// </summary>
/// <remarks>
/// A party is named after its profile file: the ASCII letters and digits of the file name without
/// its extension, the rest dropped, cut to 64 characters (<c>Dinner_util1.xml</c> → <c>Dinnerutil1</c>),
/// since country ids are letters and digits. Two profiles giving the same id are an error. Profile
/// issues are matched to the domain's by <c>index</c> and must have the same name; items by value.
/// What GENIUS reads differently from a scenario is said in <see cref="GeniusScenario.Warnings"/>.
/// </remarks>
public static class GeniusImport
{
    /// <exception cref="InvalidInputException">Any file is unreadable, hostile or not a valid GENIUS domain or profile; every error is listed.</exception>
    public static GeniusScenario Read(string domainFile, IReadOnlyList<string> profileFiles)
    {
        ArgumentNullException.ThrowIfNull(domainFile);
        ArgumentNullException.ThrowIfNull(profileFiles);
        var errors = new List<InputError>();
        var domain = Collect(errors, () => ReadDomain(domainFile, errors));

        var parties = new List<GeniusParty>();
        var tables = new List<Dictionary<string, double[]>>();
        var idsSeen = new Dictionary<string, string>(StringComparer.Ordinal);
        var notes = new List<string>();
        foreach (var file in profileFiles)
        {
            var id = PartyId(file);
            if (id.Length == 0)
            {
                errors.Add(new InputError(file, null, null, "", "the file name has no letters or digits to name the party after"));
            }
            else if (!idsSeen.TryAdd(id, file))
            {
                errors.Add(new InputError(file, null, null, "",
                    $"the party would be named '{id}', as for {idsSeen[id]}; rename one of the files (parties are named after the letters and digits of their file names)"));
            }

            if (domain is not null && Collect(errors, () => ReadProfile(file, domain, errors)) is { } profile)
            {
                parties.Add(new GeniusParty(id, file, profile.Reservation, profile.Discount, profile.Values.Values.Sum(v => v.Max()) > 1));
                tables.Add(profile.Values);
                notes.AddRange(profile.Notes);
            }
        }

        if (errors.Count > 0 || domain is null)
        {
            // Files in the order given, each file's errors in reading order of the file.
            var files = new[] { domainFile }.Concat(profileFiles).ToList();
            var ordered = errors
                .OrderBy(e => files.IndexOf(e.File))
                .ThenBy(e => e.Line ?? 0)
                .ThenBy(e => e.Column ?? 0)
                .ToList();
            throw new InvalidInputException(errors.Count > 0 ? ordered : [new InputError(domainFile, null, null, "", "the domain could not be read")]);
        }

        var issues = domain.Issues.Select(issue => new GeniusIssue(
            issue.Name,
            issue.Values,
            parties.Select((p, i) => (p.Id, Values: (IReadOnlyList<double>)tables[i][issue.Name]))
                .ToDictionary(e => e.Id, e => e.Values, StringComparer.Ordinal))).ToList();
        return new GeniusScenario(domain.Name, NegotiationId(domainFile), parties, issues, [.. domain.Notes, .. notes]);
    }

    /// <summary>The letters and digits (ASCII) of the file's name without extension, at most 64 of them.</summary>
    public static string PartyId(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var id = new string([.. stem.Where(char.IsAsciiLetterOrDigit)]);
        return id.Length > ScenarioLimits.MaxIdLength ? id[..ScenarioLimits.MaxIdLength] : id;
    }

    /// <summary>The domain file's name without extension, as a negotiation id: other characters become '_'.</summary>
    private static string NegotiationId(string file)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        var id = new string([.. stem.Select(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.' ? c : '_')]);
        id = id.TrimStart('-', '.');
        id = id.Length > ScenarioLimits.MaxIdLength ? id[..ScenarioLimits.MaxIdLength] : id;
        return id.Length == 0 ? "genius" : id;
    }

    /// <summary>How GENIUS types an issue (<c>ISSUETYPE</c>): discrete values, an integer range, a real range.</summary>
    private enum IssueKind
    {
        Discrete,
        Integer,
        Real,
    }

    /// <summary>A domain issue: its value labels, and for an integer or real issue the number each label stands for.</summary>
    private sealed record DomainIssue(int Index, string Name, IssueKind Kind, List<string> Values, double[] Numbers, long LowerBound);

    /// <summary>A domain: its name, the indices of its objectives (the root and any nested ones), its issues in document order.</summary>
    private sealed record Domain(string Name, HashSet<int> ObjectiveIndices, List<DomainIssue> Issues, List<string> Notes);

    private sealed record Profile(Dictionary<string, double[]> Values, double? Reservation, double? Discount, List<string> Notes);

    private static T? Collect<T>(List<InputError> errors, Func<T?> read)
        where T : class
    {
        try
        {
            return read();
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
            return null;
        }
    }

    private static Domain? ReadDomain(string file, List<InputError> errors)
    {
        var document = GeniusXml.Load(file);
        var before = errors.Count;
        var objective = Objective(file, document, "domain", errors);
        if (objective is null)
        {
            return null;
        }

        var issues = new List<DomainIssue>();
        var notes = new List<string>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var indices = new HashSet<int>();
        // Issues may sit in nested objectives; GENIUS's utility sums every issue of the tree with its own
        // weight (AdditiveUtilitySpace.getUtility walks the preorder issue enumeration), so they are read flat.
        foreach (var element in objective.Descendants("issue"))
        {
            var name = (string?)element.Attribute("name");
            var index = Index(element);
            if (name is null || !ScenarioIds.IsLabel(name))
            {
                Add(errors, file, element, name is null
                    ? "an issue without a name"
                    : $"issue name {Quoted.Text(name)} cannot be kept: use {ScenarioIds.LabelRule}");
                continue;
            }

            if (index is null)
            {
                Add(errors, file, element, $"issue '{name}' has no integer index (profiles refer to issues by index)");
            }
            else if (!indices.Add(index.Value))
            {
                Add(errors, file, element, $"issue '{name}': index {index} is used twice");
            }

            if (!names.Add(name))
            {
                Add(errors, file, element, $"issue '{name}' appears twice");
            }

            var issue = Kind(file, element, name, errors) switch
            {
                IssueKind.Discrete => DiscreteIssue(file, element, index, name, errors),
                IssueKind.Integer => IntegerIssue(file, element, index, name, errors),
                IssueKind.Real => RealIssue(file, element, index, name, errors, notes),
                _ => null,
            };
            if (issue is not null && index is not null)
            {
                issues.Add(issue);
            }
        }

        if (issues.Count == 0 && errors.Count == before)
        {
            Add(errors, file, objective, "the domain has no issues");
        }

        var title = (string?)objective.Attribute("name") is { Length: > 0 } objectiveName && ScenarioIds.IsLabel(objectiveName)
            ? objectiveName
            : Path.GetFileNameWithoutExtension(file);
        return errors.Count > before ? null : new Domain(title, ObjectiveIndices(objective), issues, notes);
    }

    /// <summary>
    /// The issue's type as GENIUS's domain reader takes it: <c>vtype</c> where it is given, else
    /// <c>type</c>, else discrete.
    /// </summary>
    private static IssueKind? Kind(string file, XElement element, string name, List<InputError> errors)
    {
        var type = (string?)element.Attribute("vtype") ?? (string?)element.Attribute("type");
        switch (type)
        {
            case null or "discrete":
                return IssueKind.Discrete;
            case "integer":
                return IssueKind.Integer;
            case "real":
                return IssueKind.Real;
            default:
                Add(errors, file, element, $"issue '{name}' is of type {Quoted.Text(type)}; GENIUS's types are discrete, integer and real");
                return null;
        }
    }

    private static DomainIssue? DiscreteIssue(string file, XElement element, int? index, string name, List<InputError> errors)
    {
        var before = errors.Count;
        var values = new List<string>();
        foreach (var item in element.Elements("item"))
        {
            var value = (string?)item.Attribute("value");
            if (value is null || !ScenarioIds.IsLabel(value))
            {
                Add(errors, file, item, value is null
                    ? $"an item of issue '{name}' has no value"
                    : $"value {Quoted.Text(value)} of issue '{name}' cannot be kept: use {ScenarioIds.LabelRule}");
            }
            else if (values.Contains(value, StringComparer.Ordinal))
            {
                Add(errors, file, item, $"value {Quoted.Text(value)} of issue '{name}' appears twice");
            }
            else
            {
                values.Add(value);
            }
        }

        CheckCount(file, element, name, values.Count, errors);
        return errors.Count > before || index is null ? null : new DomainIssue(index.Value, name, IssueKind.Discrete, values, [], 0);
    }

    /// <summary>
    /// An integer issue (GENIUS's <c>IssueInteger</c>): every whole number from its lower to its upper
    /// bound, given as attributes of the issue or of a <c>range</c> element in it.
    /// </summary>
    private static DomainIssue? IntegerIssue(string file, XElement element, int? index, string name, List<InputError> errors)
    {
        var bounds = Bounds(element);
        var lower = Whole((string?)bounds.Attribute("lowerbound"));
        var upper = Whole((string?)bounds.Attribute("upperbound"));
        if (lower is null || upper is null)
        {
            Add(errors, file, element, $"integer issue '{name}' needs whole-number lowerbound and upperbound");
            return null;
        }

        if (upper < lower || upper.Value - lower.Value + 1 is < 2 or > ScenarioLimits.MaxLevelsPerIssue)
        {
            Add(errors, file, element,
                $"integer issue '{name}' runs from {lower} to {upper}; from 2 to {ScenarioLimits.MaxLevelsPerIssue} values can be imported");
            return null;
        }

        var numbers = new double[upper.Value - lower.Value + 1];
        for (var v = 0; v < numbers.Length; v++)
        {
            numbers[v] = lower.Value + v;
        }

        return index is null ? null : new DomainIssue(index.Value, name, IssueKind.Integer, [.. numbers.Select(Label)], numbers, lower.Value);
    }

    /// <summary>
    /// A real issue (GENIUS's <c>IssueReal</c>, bounds in a <c>range</c> element), which has no finite
    /// set of values: it is imported as <see cref="RealIssuePoints"/> evenly spaced points from the
    /// lower to the upper bound, both included, and the import says so.
    /// </summary>
    private static DomainIssue? RealIssue(string file, XElement element, int? index, string name, List<InputError> errors, List<string> notes)
    {
        var bounds = Bounds(element);
        var lower = GeniusXml.Number((string?)bounds.Attribute("lowerbound"));
        var upper = GeniusXml.Number((string?)bounds.Attribute("upperbound"));
        if (lower is null || upper is null || !(upper > lower))
        {
            Add(errors, file, element, $"real issue '{name}' needs a range with numbers lowerbound < upperbound");
            return null;
        }

        var numbers = new double[RealIssuePoints];
        for (var k = 0; k < RealIssuePoints; k++)
        {
            // The last point is the upper bound itself, not lower + 10·step, which may round past it.
            numbers[k] = k == RealIssuePoints - 1 ? upper.Value : lower.Value + k * ((upper.Value - lower.Value) / (RealIssuePoints - 1));
        }

        var labels = numbers.Select(Label).ToList();
        if (labels.Distinct(StringComparer.Ordinal).Count() != labels.Count)
        {
            Add(errors, file, element, $"real issue '{name}': its range {Label(lower.Value)} to {Label(upper.Value)} is too narrow for {RealIssuePoints} distinct points");
            return null;
        }

        notes.Add($"real issue '{name}' (from {Label(lower.Value)} to {Label(upper.Value)}) is discretised into the {RealIssuePoints} points {string.Join(", ", labels)}");
        return index is null ? null : new DomainIssue(index.Value, name, IssueKind.Real, labels, numbers, 0);
    }

    /// <summary>How many evenly spaced points a real issue becomes: its bounds and 9 between them (10 equal steps).</summary>
    public const int RealIssuePoints = 11;

    private static XElement Bounds(XElement issue) =>
        issue.Attribute("lowerbound") is null && issue.Element("range") is { } range ? range : issue;

    private static void CheckCount(string file, XElement element, string name, int count, List<InputError> errors)
    {
        if (count is < 2 or > ScenarioLimits.MaxLevelsPerIssue)
        {
            Add(errors, file, element, $"issue '{name}' has {count} values; from 2 to {ScenarioLimits.MaxLevelsPerIssue} can be imported");
        }
    }

    private static string Label(double number) => number.ToString("R", CultureInfo.InvariantCulture);

    private static long? Whole(string? text) =>
        long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) < 1L << 52 ? value : null;

    private static Profile? ReadProfile(string file, Domain domain, List<InputError> errors)
    {
        var document = GeniusXml.Load(file);
        var before = errors.Count;
        var objective = Objective(file, document, "profile", errors);
        if (objective is null)
        {
            return null;
        }

        var space = objective.Parent!;
        var notes = new List<string>();
        var evaluations = new Dictionary<int, double[]>();
        foreach (var element in objective.Descendants("issue"))
        {
            var index = Index(element);
            var name = (string?)element.Attribute("name");
            var issue = domain.Issues.Find(i => i.Index == index);
            if (issue is null)
            {
                Add(errors, file, element, $"issue {Quoted.Text(name ?? "")} (index {element.Attribute("index")?.Value ?? "none"}) is not in the domain (its issues: {string.Join(", ", domain.Issues.Select(i => $"{i.Index} {Quoted.Text(i.Name)}"))})");
                continue;
            }

            if (name is not null && name != issue.Name)
            {
                Add(errors, file, element, $"issue index {issue.Index} is {Quoted.Text(issue.Name)} in the domain but {Quoted.Text(name)} here");
                continue;
            }

            var evaluation = issue.Kind switch
            {
                IssueKind.Integer => IntegerEvaluations(file, element, issue, errors),
                IssueKind.Real => RealEvaluations(file, element, issue, errors),
                _ => ReadEvaluations(file, element, issue, errors),
            };
            if (!evaluations.TryAdd(issue.Index, evaluation))
            {
                Add(errors, file, element, $"issue {Quoted.Text(issue.Name)} appears twice");
            }
        }

        var weights = ReadWeights(file, objective, space, domain, errors);
        foreach (var issue in domain.Issues.Where(i => !evaluations.ContainsKey(i.Index)))
        {
            Add(errors, file, objective, $"the profile does not evaluate issue {Quoted.Text(issue.Name)} of the domain");
        }

        var reservation = OptionalValue(file, space, "reservation", errors, v => v is >= 0 and <= 1, "a reservation value from 0 to 1");
        var discount = OptionalValue(file, space, "discount_factor", errors, double.IsFinite, "a number");
        if (discount is { } d and (<= 0 or > 1))
        {
            // AbstractUtilitySpace.validateDiscount: a factor d ≤ 0 or d > 1 is discarded, and then there is no discounting.
            notes.Add($"{Path.GetFileName(file)}: discount factor {Label(d)} is outside (0, 1], so, as in GENIUS, there is no discounting");
            discount = null;
        }

        if (errors.Count > before)
        {
            return null;
        }

        if (domain.Issues.All(i => weights[i.Index] == 0))
        {
            Add(errors, file, objective, "every issue weight is 0, so GENIUS gives every outcome utility 0 to this party: it has nothing to negotiate over; give at least one issue a positive weight");
            return null;
        }

        // GENIUS's linear additive utility (AdditiveUtilitySpace.getUtility): u(ω) = Σ_i w_i · eval_i(ω_i), capped at 1.
        var values = domain.Issues.ToDictionary(
            issue => issue.Name,
            issue => evaluations[issue.Index].Select(e => weights[issue.Index] * e).ToArray(),
            StringComparer.Ordinal);
        var best = values.Values.Sum(v => v.Max());
        if (best > 1)
        {
            notes.Add($"{Path.GetFileName(file)}: the weights sum to {Label(domain.Issues.Sum(i => weights[i.Index]))}, so the best outcome is worth {Label(best)}; as GENIUS caps a utility at 1, the party gets utility_cap: 1");
        }

        return new Profile(values, reservation, discount == 1 ? null : discount, notes);
    }

    /// <summary>An integer issue's evaluator (<c>EvaluatorInteger</c>): bounds on the issue, <c>evaluator slope= offset=</c> in it.</summary>
    private static double[] IntegerEvaluations(string file, XElement element, DomainIssue issue, List<InputError> errors)
    {
        var lower = (string?)Bounds(element).Attribute("lowerbound") is { } text ? Whole(text) : issue.LowerBound;
        var evaluator = element.Element("evaluator");
        // GENIUS leaves slope and offset at 0 when the profile has no evaluator element.
        var slope = evaluator is null ? 0 : GeniusXml.Number((string?)evaluator.Attribute("slope"));
        var offset = evaluator is null ? 0 : GeniusXml.Number((string?)evaluator.Attribute("offset"));
        if (lower is null || slope is null || offset is null)
        {
            Add(errors, file, evaluator ?? element, $"integer issue {Quoted.Text(issue.Name)} needs a whole-number lowerbound and an evaluator with numbers slope and offset");
            return new double[issue.Values.Count];
        }

        return [.. issue.Numbers.Select(v => GeniusEvaluators.Integer((long)v, lower.Value, slope.Value, offset.Value))];
    }

    /// <summary>A real issue's evaluator (<c>EvaluatorReal</c>), at each point the issue was discretised into: linear or constant.</summary>
    private static double[] RealEvaluations(string file, XElement element, DomainIssue issue, List<InputError> errors)
    {
        var evaluator = element.Element("evaluator");
        var ftype = (string?)evaluator?.Attribute("ftype");
        var p0 = GeniusXml.Number((string?)evaluator?.Attribute("parameter0"));
        var p1 = GeniusXml.Number((string?)evaluator?.Attribute("parameter1"));
        switch (ftype?.ToLowerInvariant())
        {
            case "linear" when p0 is not null && p1 is not null:
                return [.. issue.Numbers.Select(x => GeniusEvaluators.RealLinear(x, p0.Value, p1.Value))];
            case "constant" when p0 is >= 0 and <= 1:
                // EvaluatorReal returns parameter0 as it is for every value.
                return [.. issue.Numbers.Select(_ => p0.Value)];
            default:
                Add(errors, file, evaluator ?? element,
                    $"real issue {Quoted.Text(issue.Name)} needs an evaluator ftype=\"linear\" with numbers parameter0 and parameter1, or ftype=\"constant\" with parameter0 from 0 to 1 (other GENIUS evaluators are not linear and cannot be imported)");
                return new double[issue.Values.Count];
        }
    }

    private static double[] ReadEvaluations(string file, XElement element, DomainIssue issue, List<InputError> errors)
    {
        var evaluation = new double[issue.Values.Count];
        var seen = new bool[issue.Values.Count];
        foreach (var item in element.Elements("item"))
        {
            var value = (string?)item.Attribute("value");
            var at = value is null ? -1 : issue.Values.IndexOf(value);
            if (at < 0)
            {
                Add(errors, file, item, $"issue {Quoted.Text(issue.Name)} has no value {Quoted.Text(value ?? "")} in the domain (its values: {string.Join(", ", issue.Values.Select(Quoted.Text))})");
                continue;
            }

            if (seen[at])
            {
                Add(errors, file, item, $"value {Quoted.Text(value!)} of issue {Quoted.Text(issue.Name)} is evaluated twice");
                continue;
            }

            seen[at] = true;
            var text = (string?)item.Attribute("evaluation");
            if (GeniusXml.Number(text) is not { } number || number < 0)
            {
                Add(errors, file, item, text is null
                    ? $"value {Quoted.Text(value!)} of issue {Quoted.Text(issue.Name)} has no evaluation"
                    : $"value {Quoted.Text(value!)} of issue {Quoted.Text(issue.Name)}: the evaluation must be a number ≥ 0, got {Quoted.Text(text)}");
                continue;
            }

            evaluation[at] = number;
        }

        for (var v = 0; v < seen.Length; v++)
        {
            if (!seen[v])
            {
                Add(errors, file, element, $"value {Quoted.Text(issue.Values[v])} of issue {Quoted.Text(issue.Name)} is not evaluated");
            }
        }

        return GeniusEvaluators.Discrete(evaluation);
    }

    private static Dictionary<int, double> ReadWeights(string file, XElement objective, XElement space, Domain domain, List<InputError> errors)
    {
        var weights = new Dictionary<int, double>();
        var objectives = ObjectiveIndices(objective);
        foreach (var element in objective.Descendants("weight").Concat(space.Elements("weight")))
        {
            var index = Index(element);
            var text = (string?)element.Attribute("value");
            if (index is not null && (domain.ObjectiveIndices.Contains(index.Value) || objectives.Contains(index.Value)))
            {
                // A weight on an objective (the root, as in ANAC 2012's Fitness, or a nested one): GENIUS's
                // AdditiveUtilitySpace.getUtility sums issues only and ignores objectives, so it counts for nothing.
                continue;
            }

            if (index is null || domain.Issues.All(i => i.Index != index))
            {
                Add(errors, file, element, $"a weight for index {element.Attribute("index")?.Value ?? "none"}, which is no issue of the domain");
                continue;
            }

            if (GeniusXml.Number(text) is not { } weight || weight < 0)
            {
                Add(errors, file, element, $"the weight of issue index {index} must be a number ≥ 0, got {Quoted.Text(text ?? "")}");
                continue;
            }

            if (!weights.TryAdd(index.Value, weight))
            {
                Add(errors, file, element, $"issue index {index} has two weights");
            }
        }

        foreach (var issue in domain.Issues.Where(i => !weights.ContainsKey(i.Index)))
        {
            Add(errors, file, objective, $"issue {Quoted.Text(issue.Name)} (index {issue.Index}) has no weight");
        }

        return weights;
    }

    private static double? OptionalValue(string file, XElement space, string name, List<InputError> errors, Func<double, bool> valid, string expected)
    {
        var element = space.Element(name);
        if (element is null)
        {
            return null;
        }

        var text = (string?)element.Attribute("value");
        if (GeniusXml.Number(text) is { } value && valid(value))
        {
            return value;
        }

        Add(errors, file, element, $"{name} must be {expected}, got '{text}'");
        return null;
    }

    /// <summary>The objective: under <c>negotiation_template/utility_space</c> or a root <c>utility_space</c>.</summary>
    private static XElement? Objective(string file, XDocument document, string kind, List<InputError> errors)
    {
        var root = document.Root!;
        var space = root.Name.LocalName switch
        {
            "utility_space" => root,
            "negotiation_template" => root.Element("utility_space"),
            _ => null,
        };
        if (space is null)
        {
            Add(errors, file, root, $"not a GENIUS {kind}: expected a negotiation_template or utility_space element, got <{root.Name.LocalName}>");
            return null;
        }

        var objective = space.Element("objective");
        if (objective is null)
        {
            Add(errors, file, space, $"the {kind}'s utility_space has no objective");
        }

        return objective;
    }

    /// <summary>The indices of an objective and of the objectives nested in it.</summary>
    private static HashSet<int> ObjectiveIndices(XElement objective) =>
        [.. new[] { objective }.Concat(objective.Descendants("objective")).Select(Index).OfType<int>()];

    private static int? Index(XElement element) =>
        int.TryParse((string?)element.Attribute("index"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static void Add(List<InputError> errors, string file, XObject at, string message)
    {
        var (line, column) = GeniusXml.Position(at);
        errors.Add(new InputError(file, line, column, "", message));
    }
}
