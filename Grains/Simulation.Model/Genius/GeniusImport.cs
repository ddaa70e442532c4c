using System.Xml.Linq;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Genius;

/// <summary>
/// Reads a GENIUS domain (<c>negotiation_template</c> → <c>utility_space</c> → <c>objective</c> →
/// <c>issue type="discrete"</c> → <c>item value=</c>) and linear-additive profiles (<c>utility_space</c>
/// → <c>objective</c> → issues whose items have <c>evaluation=</c>, and <c>weight index= value=</c>;
/// <c>reservation value=</c> and <c>discount_factor value=</c> beside the objective) into a
/// <see cref="GeniusScenario"/>. Every file is untrusted (<see cref="GeniusXml"/>), and every problem of
/// every file is reported at once, with file, line and column.
/// </summary>
/// <remarks>
/// A party is named after its profile file: the ASCII letters and digits of the file name without
/// its extension, the rest dropped, cut to 64 characters (<c>Dinner_util1.xml</c> → <c>Dinnerutil1</c>),
/// since country ids are letters and digits. Two profiles giving the same id are an error. Profile
/// issues are matched to the domain's by <c>index</c> and must have the same name; items by value.
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
                parties.Add(new GeniusParty(id, file, profile.Reservation, profile.Discount));
                tables.Add(profile.Values);
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
        return new GeniusScenario(domain.Name, NegotiationId(domainFile), parties, issues);
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

    private sealed record DomainIssue(int Index, string Name, List<string> Values);

    private sealed record Domain(string Name, List<DomainIssue> Issues);

    private sealed record Profile(Dictionary<string, double[]> Values, double? Reservation, double? Discount);

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
        var names = new HashSet<string>(StringComparer.Ordinal);
        var indices = new HashSet<int>();
        RefuseNestedObjectives(file, objective, errors);
        foreach (var element in objective.Elements("issue"))
        {
            var name = (string?)element.Attribute("name");
            var index = Index(element);
            var type = (string?)element.Attribute("type") ?? (string?)element.Attribute("etype");
            if (name is null || !ScenarioIds.IsLabel(name))
            {
                Add(errors, file, element, name is null
                    ? "an issue without a name"
                    : $"issue name '{name}' cannot be kept: use {ScenarioIds.LabelRule}");
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

            if (type is not null && type != "discrete")
            {
                Add(errors, file, element, $"issue '{name}' is of type '{type}'; only discrete issues can be imported");
                continue;
            }

            var values = new List<string>();
            foreach (var item in element.Elements("item"))
            {
                var value = (string?)item.Attribute("value");
                if (value is null || !ScenarioIds.IsLabel(value))
                {
                    Add(errors, file, item, value is null
                        ? $"an item of issue '{name}' has no value"
                        : $"value '{value}' of issue '{name}' cannot be kept: use {ScenarioIds.LabelRule}");
                }
                else if (values.Contains(value, StringComparer.Ordinal))
                {
                    Add(errors, file, item, $"value '{value}' of issue '{name}' appears twice");
                }
                else
                {
                    values.Add(value);
                }
            }

            if (values.Count is < 2 or > ScenarioLimits.MaxLevelsPerIssue)
            {
                Add(errors, file, element, $"issue '{name}' has {values.Count} values; from 2 to {ScenarioLimits.MaxLevelsPerIssue} can be imported");
            }

            if (index is { } i)
            {
                issues.Add(new DomainIssue(i, name, values));
            }
        }

        if (issues.Count == 0 && errors.Count == before)
        {
            Add(errors, file, objective, "the domain has no issues");
        }

        var title = (string?)objective.Attribute("name") is { Length: > 0 } objectiveName && ScenarioIds.IsLabel(objectiveName)
            ? objectiveName
            : Path.GetFileNameWithoutExtension(file);
        return errors.Count > before ? null : new Domain(title, issues);
    }

    private static Profile? ReadProfile(string file, Domain domain, List<InputError> errors)
    {
        var document = GeniusXml.Load(file);
        var before = errors.Count;
        var objective = Objective(file, document, "profile", errors);
        if (objective is null)
        {
            return null;
        }

        RefuseNestedObjectives(file, objective, errors);
        var space = objective.Parent!;
        var evaluations = new Dictionary<int, double[]>();
        foreach (var element in objective.Elements("issue"))
        {
            var index = Index(element);
            var name = (string?)element.Attribute("name");
            var issue = domain.Issues.Find(i => i.Index == index);
            if (issue is null)
            {
                Add(errors, file, element, $"issue '{name}' (index {element.Attribute("index")?.Value ?? "none"}) is not in the domain (its issues: {string.Join(", ", domain.Issues.Select(i => $"{i.Index} '{i.Name}'"))})");
                continue;
            }

            if (name is not null && name != issue.Name)
            {
                Add(errors, file, element, $"issue index {issue.Index} is '{issue.Name}' in the domain but '{name}' here");
                continue;
            }

            if (!evaluations.TryAdd(issue.Index, ReadEvaluations(file, element, issue, errors)))
            {
                Add(errors, file, element, $"issue '{issue.Name}' appears twice");
            }
        }

        var weights = ReadWeights(file, objective, space, domain, errors);
        foreach (var issue in domain.Issues.Where(i => !evaluations.ContainsKey(i.Index)))
        {
            Add(errors, file, objective, $"the profile does not evaluate issue '{issue.Name}' of the domain");
        }

        var reservation = OptionalValue(file, space, "reservation", errors, v => v is >= 0 and <= 1, "a reservation value from 0 to 1");
        var discount = OptionalValue(file, space, "discount_factor", errors, v => v is > 0 and <= 1, "a discount factor > 0 and ≤ 1 (1: none)");
        if (errors.Count > before)
        {
            return null;
        }

        // GENIUS's linear additive utility: u(ω) = Σ_i w_i · eval_i(ω_i) / max_v eval_i(v).
        var values = domain.Issues.ToDictionary(
            issue => issue.Name,
            issue =>
            {
                var evaluation = evaluations[issue.Index];
                var max = evaluation.Max();
                return evaluation.Select(e => weights[issue.Index] * (e / max)).ToArray();
            },
            StringComparer.Ordinal);
        return new Profile(values, reservation, discount == 1 ? null : discount);
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
                Add(errors, file, item, $"issue '{issue.Name}' has no value '{value}' in the domain (its values: {string.Join(", ", issue.Values)})");
                continue;
            }

            if (seen[at])
            {
                Add(errors, file, item, $"value '{value}' of issue '{issue.Name}' is evaluated twice");
                continue;
            }

            seen[at] = true;
            var text = (string?)item.Attribute("evaluation");
            if (GeniusXml.Number(text) is not { } number || number < 0)
            {
                Add(errors, file, item, text is null
                    ? $"value '{value}' of issue '{issue.Name}' has no evaluation"
                    : $"value '{value}' of issue '{issue.Name}': the evaluation must be a number ≥ 0, got '{text}'");
                continue;
            }

            evaluation[at] = number;
        }

        for (var v = 0; v < seen.Length; v++)
        {
            if (!seen[v])
            {
                Add(errors, file, element, $"value '{issue.Values[v]}' of issue '{issue.Name}' is not evaluated");
            }
        }

        if (seen.All(s => s) && evaluation.All(e => e == 0))
        {
            Add(errors, file, element, $"every evaluation of issue '{issue.Name}' is 0; GENIUS divides by the largest, so one must be positive");
        }

        return evaluation;
    }

    private static Dictionary<int, double> ReadWeights(string file, XElement objective, XElement space, Domain domain, List<InputError> errors)
    {
        var weights = new Dictionary<int, double>();
        foreach (var element in objective.Elements("weight").Concat(space.Elements("weight")))
        {
            var index = Index(element);
            var text = (string?)element.Attribute("value");
            if (index is null || domain.Issues.All(i => i.Index != index))
            {
                Add(errors, file, element, $"a weight for index {element.Attribute("index")?.Value ?? "none"}, which is no issue of the domain");
                continue;
            }

            if (GeniusXml.Number(text) is not { } weight || weight < 0)
            {
                Add(errors, file, element, $"the weight of issue index {index} must be a number ≥ 0, got '{text}'");
                continue;
            }

            if (!weights.TryAdd(index.Value, weight))
            {
                Add(errors, file, element, $"issue index {index} has two weights");
            }
        }

        foreach (var issue in domain.Issues.Where(i => !weights.ContainsKey(i.Index)))
        {
            Add(errors, file, objective, $"issue '{issue.Name}' (index {issue.Index}) has no weight");
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

    private static void RefuseNestedObjectives(string file, XElement objective, List<InputError> errors)
    {
        foreach (var nested in objective.Elements("objective"))
        {
            Add(errors, file, nested, "nested objectives are not supported: only issues directly under the objective can be imported");
        }
    }

    private static int? Index(XElement element) =>
        int.TryParse((string?)element.Attribute("index"), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var index)
            ? index
            : null;

    private static void Add(List<InputError> errors, string file, XObject at, string message)
    {
        var (line, column) = GeniusXml.Position(at);
        errors.Add(new InputError(file, line, column, "", message));
    }
}
