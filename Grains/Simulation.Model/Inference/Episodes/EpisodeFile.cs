using System.Globalization;
using Simulation.Model.Input;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Inference;

/// <summary>
/// Reads an episode file (DESIGN §9) with the scenario loader's bounded YAML reader:
/// <code>
/// episodes:
///   - id: can-chn-2026-01
///     scenario: canada-china.yaml        # relative to this file
///     negotiation: CAN-CHN
///     known: 2026-01-16
///     source: "Canadian Press, 2026-01-16"
///     seed: 7                            # optional: else the scenario's seed
///     note: ...                          # optional
///     observed:
///       status: agreed                   # deadline | terminated | walked_away | rejected
///       issues:
///         CHN:CAN:canola_seed: 15                             # a tariff issue's level
///         CAN:CHN:vehicles: { quota: 49000, in_quota_tariff: 6.1 } # the line's quota issue
///         dispute_settlement: panel                           # a discrete issue's value
/// </code>
/// Each episode's scenario is loaded and must hold the negotiation, and each observed issue must
/// be on its table. An off-grid number is taken as the nearest level (ties to the lower index) and
/// said so in the episode's warnings. Every error of the file, and of the scenarios it names, is
/// reported at once.
/// </summary>
public static class EpisodeFile
{
    /// <summary>The most episodes a file may hold, checked before any scenario is loaded.</summary>
    public const int MaxEpisodes = 1000;

    private static readonly string[] s_topKeys = ["episodes", "description"];
    private static readonly string[] s_episodeKeys = ["id", "scenario", "negotiation", "known", "source", "seed", "note", "observed"];
    private static readonly string[] s_observedKeys = ["status", "issues"];
    private static readonly string[] s_quotaKeys = ["quota", "in_quota_tariff"];

    private static readonly Dictionary<string, NegotiationStatus> s_statuses = new(StringComparer.Ordinal)
    {
        ["agreed"] = NegotiationStatus.Agreed,
        ["deadline"] = NegotiationStatus.Deadline,
        ["terminated"] = NegotiationStatus.Terminated,
        ["walked_away"] = NegotiationStatus.WalkedAway,
        ["rejected"] = NegotiationStatus.Rejected,
    };

    /// <summary>Reads the episode file at <paramref name="path"/> and the scenarios it names.</summary>
    /// <exception cref="InvalidInputException">Every problem, each with file, line, column and path.</exception>
    public static IReadOnlyList<Episode> Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(BoundedFile.ReadText(path, path, ScenarioLimits.MaxFileBytes), path);
    }

    /// <summary>Reads episodes from <paramref name="text"/>; scenarios are found relative to <paramref name="fileName"/>'s folder.</summary>
    /// <exception cref="InvalidInputException">Every problem, each with file, line, column and path.</exception>
    public static IReadOnlyList<Episode> Parse(string text, string fileName)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        var errors = new InputErrorList(fileName);
        var root = YamlTreeReader.Read(text.TrimStart('\uFEFF'), errors);
        var episodes = root is null ? [] : new Reader(fileName, errors).Read(root);
        if (errors.Count > 0)
        {
            throw errors.ToException();
        }

        if (episodes.Count == 0)
        {
            throw new InvalidInputException([new InputError(fileName, null, null, "", "the episode file could not be read")]);
        }

        return episodes;
    }

    private sealed class Reader(string fileName, InputErrorList errors)
    {
        private readonly Dictionary<string, LoadedScenario?> _scenarios = new(StringComparer.Ordinal);

        public List<Episode> Read(YamlNode root)
        {
            var top = MappingFields.Open(new YamlField(root, ""), errors, "an episode file", s_topKeys);
            if (top?.Required("episodes") is not { } list)
            {
                return [];
            }

            if (list.Node is not YamlSequence sequence)
            {
                errors.Add(list.Node, list.Path, $"expected a list of episodes, got {list.Node.Describe()}");
                return [];
            }

            if (sequence.Items.Count == 0)
            {
                errors.Add(list.Node, list.Path, "the list of episodes is empty");
                return [];
            }

            if (sequence.Items.Count > MaxEpisodes)
            {
                errors.Add(list.Node, list.Path, $"{sequence.Items.Count} episodes; at most {MaxEpisodes} are accepted");
                return [];
            }

            var episodes = new List<Episode>();
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < sequence.Items.Count; i++)
            {
                var field = new YamlField(sequence.Items[i], DocumentPath.Index(list.Path, i));
                if (ReadEpisode(field, ids) is { } episode)
                {
                    episodes.Add(episode);
                }
            }

            return episodes;
        }

        private Episode? ReadEpisode(YamlField field, Dictionary<string, int> ids)
        {
            var fields = MappingFields.Open(field, errors, "an episode", s_episodeKeys);
            if (fields is null)
            {
                return null;
            }

            var idField = fields.Required("id");
            var id = idField is { } idAt ? ScalarReader.NonEmptyText(idAt, errors) : null;
            if (id is not null && idField is { } at && !ids.TryAdd(id, at.Node.Line))
            {
                errors.Add(at.Node, at.Path, $"the episode id {Quoted.Text(id)} is used twice (also at line {ids[id]})");
            }

            var scenarioText = fields.Required("scenario") is { } scenarioField ? ScalarReader.NonEmptyText(scenarioField, errors) : null;
            var negotiationField = fields.Required("negotiation");
            var negotiation = negotiationField is { } negotiationAt ? ScalarReader.NonEmptyText(negotiationAt, errors) : null;
            var known = fields.Required("known") is { } knownField ? ReadDate(knownField) : null;
            var source = fields.Required("source") is { } sourceField ? ScalarReader.NonEmptyText(sourceField, errors) : null;
            long? seed = fields.Optional(ScenarioSeed.Key) is { } seedField ? ScenarioSeed.Read(seedField, errors) : null;
            var note = fields.Optional("note") is { } noteField ? ScalarReader.Text(noteField, errors) : null;
            var observedField = fields.Required("observed");

            var scenarioFile = scenarioText is null ? null : Resolve(scenarioText);
            var loaded = scenarioFile is null ? null : LoadScenario(scenarioFile);
            NegotiationIssues? issues = null;
            if (loaded is not null && negotiation is not null && negotiationField is { } named)
            {
                if (loaded.Scenario.Negotiations.Any(n => n.Id == negotiation))
                {
                    issues = new NegotiationIssues(loaded.Scenario, negotiation);
                }
                else
                {
                    var names = loaded.Scenario.Negotiations.Select(n => n.Id).ToList();
                    var hint = Suggestion.Closest(negotiation, names) is { } closest ? $"; did you mean '{closest}'?" : "";
                    errors.Add(named.Node, named.Path,
                        $"the scenario {scenarioText} has no negotiation {Quoted.Text(negotiation)} (it has: {(names.Count == 0 ? "none" : string.Join(", ", names))}){hint}");
                }
            }

            var warnings = new List<string>();
            var observed = observedField is { } o ? ReadObserved(o, issues, id ?? "?", warnings) : null;
            if (id is null || scenarioFile is null || negotiation is null || known is null || source is null || observed is null || issues is null || loaded is null)
            {
                return null;
            }

            return new Episode(id, scenarioFile, negotiation, known.Value, source, seed ?? loaded.Scenario.Seed, note, observed, issues) { Warnings = warnings };
        }

        private string Resolve(string scenario)
        {
            var folder = Path.GetDirectoryName(fileName);
            return Path.IsPathRooted(scenario) || string.IsNullOrEmpty(folder) ? scenario : Path.Combine(folder, scenario);
        }

        private LoadedScenario? LoadScenario(string path)
        {
            if (_scenarios.TryGetValue(path, out var loaded))
            {
                return loaded;
            }

            try
            {
                loaded = ScenarioLoader.Load(path);
            }
            catch (InvalidInputException e)
            {
                foreach (var error in e.Errors)
                {
                    errors.Add(error.File, error.Line, error.Column, error.Path, error.Message);
                }

                loaded = null;
            }

            _scenarios[path] = loaded;
            return loaded;
        }

        private DateOnly? ReadDate(YamlField field)
        {
            if (field.Node is YamlScalar { IsNull: false } scalar &&
                DateOnly.TryParseExact(scalar.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            errors.Add(field.Node, field.Path, $"expected a date written YYYY-MM-DD, got {field.Node.Describe()}");
            return null;
        }

        private ObservedOutcome? ReadObserved(YamlField field, NegotiationIssues? issues, string episode, List<string> warnings)
        {
            var fields = MappingFields.Open(field, errors, "an observed outcome", s_observedKeys);
            if (fields is null)
            {
                return null;
            }

            NegotiationStatus? status = null;
            if (fields.Required("status") is { } statusField && ScalarReader.Text(statusField, errors) is { } statusText)
            {
                if (s_statuses.TryGetValue(statusText, out var known))
                {
                    status = known;
                }
                else
                {
                    var hint = Suggestion.Closest(statusText, s_statuses.Keys) is { } closest ? $"; did you mean '{closest}'?" : "";
                    errors.Add(statusField.Node, statusField.Path, $"unknown status {Quoted.Text(statusText)} (expected one of: {string.Join(", ", s_statuses.Keys)}){hint}");
                }
            }

            var issuesField = fields.Optional("issues");
            if (issuesField is { } given && given.Node is not YamlMapping)
            {
                errors.Add(given.Node, given.Path, $"expected a mapping of issues to levels, got {given.Node.Describe()}");
                return null;
            }

            if (issues is null || status is null)
            {
                return null;
            }

            var levels = new int?[issues.Issues.Count];
            if (status != NegotiationStatus.Agreed)
            {
                // A negotiation that did not agree leaves every issue where it was.
                Array.Fill(levels, 0);
            }

            var failures = errors.Count;
            var seen = new Dictionary<int, string>();
            foreach (var entry in issuesField is { Node: YamlMapping mapping } ? mapping.Entries : [])
            {
                var path = DocumentPath.Key(issuesField!.Value.Path, entry.Key.Value);
                var value = new YamlField(entry.Value, path);
                if (ReadIssue(entry.Key, value, issues, episode, warnings) is not { } read)
                {
                    continue;
                }

                if (!seen.TryAdd(read.Issue, entry.Key.Value))
                {
                    errors.Add(entry.Key, path, $"the issue {issues.Issues[read.Issue].Key} is given twice (also as {Quoted.Text(seen[read.Issue])})");
                    continue;
                }

                if (status != NegotiationStatus.Agreed && read.Level != 0)
                {
                    var axis = issues.Issues[read.Issue];
                    errors.Add(entry.Value, path,
                        $"a negotiation that ended {StatusName(status.Value)} leaves every issue at its status quo ({axis.Levels[0].Text}), not at {axis.Levels[read.Level].Text}");
                    continue;
                }

                levels[read.Issue] = read.Level;
            }

            return errors.Count > failures ? null : new ObservedOutcome(status.Value, levels);
        }

        private (int Issue, int Level)? ReadIssue(YamlScalar key, YamlField value, NegotiationIssues issues, string episode, List<string> warnings)
        {
            // A quota written as a mapping under its line's key is that line's quota issue.
            var index = (value.Node is YamlMapping ? issues.IndexOf(key.Value + IssueAxis.QuotaSuffix) : null) ?? issues.IndexOf(key.Value);
            if (index is not { } i)
            {
                var keys = issues.Issues.Select(a => a.Key).ToList();
                var hint = Suggestion.Closest(key.Value, keys) is { } closest ? $"; did you mean '{closest}'?" : "";
                errors.Add(key, value.Path, $"the issue {Quoted.Text(key.Value)} is not on the table of {issues.Negotiation} (its issues: {string.Join(", ", keys)}){hint}");
                return null;
            }

            var axis = issues.Issues[i];
            switch (axis.Kind)
            {
                case IssueKind.Tariff:
                    if (value.Node is YamlMapping)
                    {
                        errors.Add(value.Node, value.Path, $"{axis.Key} is a tariff issue: give its tariff in percent, such as {axis.Levels[^1].Text}");
                        return null;
                    }

                    return ScalarReader.Number(value, errors) is { } tariff ? (i, Snap(axis, tariff, ScalarReader.Show(tariff), episode, warnings)) : null;

                case IssueKind.Quota:
                    return ReadQuota(value, axis, episode, warnings) is { } level ? (i, level) : null;

                default:
                    if (value.Node is not YamlScalar { IsNull: false } scalar)
                    {
                        errors.Add(value.Node, value.Path, $"{axis.Key} is a discrete issue: give one of its values ({string.Join(", ", axis.Levels.Select(l => l.Text))})");
                        return null;
                    }

                    if (axis.IndexOfValue(scalar.Value) is { } found)
                    {
                        return (i, found);
                    }

                    var values = axis.Levels.Select(l => l.Text).ToList();
                    var near = Suggestion.Closest(scalar.Value, values) is { } closestValue ? $"; did you mean '{closestValue}'?" : "";
                    errors.Add(value.Node, value.Path, $"{Quoted.Text(scalar.Value)} is not a value of {axis.Key} (its values: {string.Join(", ", values)}){near}");
                    return null;
            }
        }

        private int? ReadQuota(YamlField value, IssueAxis axis, string episode, List<string> warnings)
        {
            var example = $"{{ quota: {axis.Levels[^1].Quota.GetValueOrDefault():R}, in_quota_tariff: {axis.Levels[0].InQuotaTariff.GetValueOrDefault():R} }}";
            if (value.Node is not YamlMapping)
            {
                errors.Add(value.Node, value.Path, $"{axis.Key} is a tariff-rate quota issue: give its volume and in-quota tariff, such as {example}");
                return null;
            }

            var fields = MappingFields.Open(value, errors, "a quota", s_quotaKeys);
            var quota = fields?.Required("quota") is { } quotaField ? ScalarReader.Number(quotaField, errors) : null;
            var inQuota = fields?.Required("in_quota_tariff") is { } inQuotaField ? ScalarReader.Number(inQuotaField, errors) : null;
            if (quota is null || inQuota is null)
            {
                return null;
            }

            var level = Snap(axis, quota.Value, $"a quota of {ScalarReader.Show(quota.Value)}", episode, warnings);
            var tableTariff = axis.Levels[0].InQuotaTariff!.Value;
            if (inQuota.Value != tableTariff)
            {
                warnings.Add($"episode {episode}: issue {axis.Key}: observed in-quota tariff {ScalarReader.Show(inQuota.Value)}% differs from the table's " +
                    $"{ScalarReader.Show(tableTariff)}%; the level is chosen by volume alone");
            }

            return level;
        }

        private static int Snap(IssueAxis axis, double observed, string shown, string episode, List<string> warnings)
        {
            var nearest = axis.Nearest(observed);
            if (!nearest.Exact)
            {
                warnings.Add($"episode {episode}: issue {axis.Key}: observed {shown} is not on the table; taken as the nearest level, " +
                    $"{axis.Levels[nearest.Index].Text} (level {nearest.Index})");
            }

            return nearest.Index;
        }

        private static string StatusName(NegotiationStatus status) => s_statuses.First(s => s.Value == status).Key;
    }
}
