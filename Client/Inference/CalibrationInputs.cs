using Simulation.Model.Experiments;
using Simulation.Model.Inference;
using Simulation.Model.Input;

namespace Simulation.Client.Inference;

/// <summary>
/// What a calibration learns from, checked before any run: the episodes, the priors, each episode's
/// scenario as a document to put values in, and which priors apply to which episode. A prior path
/// applies to every episode whose scenario has it (DESIGN §9: a country's parameters are shared by its
/// episodes); one no scenario has, one on a negotiation's table of issues, or a number prior on a
/// field that is not a number, is refused with every other error.
/// </summary>
internal sealed class CalibrationInputs
{
    private CalibrationInputs(string episodesFile, string priorsFile, IReadOnlyList<Episode> episodes, IReadOnlyList<ParameterPrior> priors,
        IReadOnlyList<ScenarioDocument> documents, IReadOnlyList<IReadOnlyList<int>> appliesTo)
    {
        (EpisodesFile, PriorsFile, Episodes, Priors, Documents, AppliesTo) = (episodesFile, priorsFile, episodes, priors, documents, appliesTo);
    }

    public string EpisodesFile { get; }

    public string PriorsFile { get; }

    public IReadOnlyList<Episode> Episodes { get; }

    public IReadOnlyList<ParameterPrior> Priors { get; }

    /// <summary>Each episode's scenario, by the episode's position.</summary>
    public IReadOnlyList<ScenarioDocument> Documents { get; }

    /// <summary>For each episode, the positions of the priors its scenario has.</summary>
    public IReadOnlyList<IReadOnlyList<int>> AppliesTo { get; }

    /// <summary>What the command tells before it starts: the parameters no episode used has (with <c>--before</c>).</summary>
    public IReadOnlyList<string> Warnings { get; private init; } = [];

    /// <summary>The latest date an episode used became known.</summary>
    public DateOnly LearnedUntil => Episodes.Max(e => e.Known);

    /// <summary>
    /// Reads both files and checks how they fit; with <paramref name="before"/>, only the episodes that
    /// became known before that date are learned from (a forecast made as of that date, DESIGN §9).
    /// </summary>
    /// <exception cref="InvalidInputException">Every problem of both files and of how they fit.</exception>
    public static CalibrationInputs Load(string episodesFile, string priorsFile, DateOnly? before = null)
    {
        var errors = new List<InputError>();
        IReadOnlyList<Episode>? episodes = null;
        IReadOnlyList<ParameterPrior>? priors = null;
        try
        {
            episodes = EpisodeFile.Load(episodesFile);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        try
        {
            priors = Model.Inference.PriorsFile.Load(priorsFile);
        }
        catch (InvalidInputException invalid)
        {
            errors.AddRange(invalid.Errors);
        }

        if (episodes is null || priors is null)
        {
            throw new InvalidInputException(errors);
        }

        var documents = new Dictionary<string, ScenarioDocument>(StringComparer.Ordinal);
        foreach (var file in episodes.Select(e => e.ScenarioFile).Distinct(StringComparer.Ordinal))
        {
            documents[file] = ScenarioDocument.LoadFile(file);
        }

        var byEpisode = episodes.Select(e => documents[e.ScenarioFile]).ToList();
        var appliesTo = byEpisode.Select(d => (IReadOnlyList<int>)[.. priors.Select((p, k) => (p, k)).Where(x => Has(d, x.p.Path)).Select(x => x.k)]).ToList();
        for (var k = 0; k < priors.Count; k++)
        {
            var prior = priors[k];
            var at = prior.Origin;
            if (prior.Path.Steps.Any(s => s.Kind == PathStepKind.Key && s.Key == "issues"))
            {
                errors.Add(new InputError(at.File, at.Line, at.Column, prior.Path.Text, "a negotiation's issues cannot be calibrated: their levels are what episodes are measured on"));
                continue;
            }

            var holders = Enumerable.Range(0, episodes.Count).Where(e => appliesTo[e].Contains(k)).ToList();
            if (holders.Count == 0)
            {
                errors.Add(new InputError(at.File, at.Line, at.Column, prior.Path.Text,
                    $"no episode's scenario has this path ({string.Join(", ", documents.Keys.Select(Path.GetFileName))}); {byEpisode[0].Problem(prior.Path) ?? "it leads to nothing there"}"));
                continue;
            }

            var words = holders.Where(e => !byEpisode[e].IsNumberAt(prior.Path) && !byEpisode[e].IsMissing(prior.Path)).ToList();
            if (prior.Prior is NumericPrior && words.Count > 0)
            {
                var document = byEpisode[words[0]];
                errors.Add(new InputError(at.File, at.Line, at.Column, prior.Path.Text,
                    $"{prior.Prior.Text} draws numbers, but {Path.GetFileName(document.FileName)} holds '{document.ValueAt(prior.Path)}' there; use choice(...) for words"));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        // The paths are checked against every episode of the file; a path only later episodes have
        // is still a parameter of the posterior, unlearned: a forecast of those later tables draws it
        // from its prior.
        var unlearned = new List<string>();
        if (before is { } date)
        {
            var kept = Enumerable.Range(0, episodes.Count).Where(e => episodes[e].Known < date).ToList();
            if (kept.Count == 0)
            {
                throw new InvalidInputException([new InputError(episodesFile, null, null, "", $"no episode became known before {date:yyyy-MM-dd} (--before): there is nothing to learn from")]);
            }

            (episodes, byEpisode, appliesTo) = ([.. kept.Select(e => episodes[e])], [.. kept.Select(e => byEpisode[e])], [.. kept.Select(e => appliesTo[e])]);
            unlearned.AddRange(priors.Where((_, k) => !appliesTo.Any(a => a.Contains(k))).Select(p =>
                $"{p.Path.Text}: no episode known before {date:yyyy-MM-dd} has this path, so its posterior is its prior"));
        }

        return new CalibrationInputs(episodesFile, priorsFile, episodes, priors, byEpisode, appliesTo) { Warnings = unlearned };
    }

    /// <summary>
    /// The same calibration without episode <paramref name="episode"/> (leave-one-out, DESIGN §9): its
    /// priors are kept, so a parameter only that episode informs keeps its prior.
    /// </summary>
    public CalibrationInputs Without(int episode)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(episode);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(episode, Episodes.Count);
        IReadOnlyList<T> Others<T>(IReadOnlyList<T> all) => [.. all.Where((_, e) => e != episode)];
        return new CalibrationInputs(EpisodesFile, PriorsFile, Others(Episodes), Priors, Others(Documents), Others(AppliesTo));
    }

    /// <summary>The settings that put proposal values into episode <paramref name="episode"/>'s scenario.</summary>
    public IReadOnlyList<ScenarioSetting> SettingsFor(int episode, IReadOnlyList<double> values) =>
        [.. AppliesTo[episode].Select(k => new ScenarioSetting(Priors[k].Path, Priors[k].Prior.Format(values[k])))];

    // A path that leads to a value of the document, or to a key it may add at its end (a country's objective left at its default).
    private static bool Has(ScenarioDocument document, ScenarioPath path) => document.Problem(path) is null;
}
