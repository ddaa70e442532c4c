using System.Globalization;
using Simulation.Model.Determinism;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Experiments;

/// <summary>
/// The runs of a batch (DESIGN §6.4), checked before any starts. Variants are the cartesian product
/// of the <c>--vary</c> axes, the first axis varying slowest (as nested loops in the order the
/// options are written) and each axis's values in the order written; each variant runs
/// <see cref="Experiment.Runs"/> replicates, so there are variants × replicates runs.
/// </summary>
/// <remarks>
/// Seeds. Replicate 1 runs with the batch seed itself, so a one-run batch is the same run as
/// <c>tradesim run --seed S</c>; replicate r &gt; 1 with a seed derived from (batch seed, r) through
/// <see cref="StableHash"/>. Every variant uses the same replicate seeds on purpose: common random
/// numbers, so that a difference between variants is the inputs' doing and not the draws' (Law &amp;
/// Kelton, Simulation Modeling and Analysis, §11.2). A sampled input is drawn by a generator seeded
/// by (batch seed, variant, replicate, path): a draw does not depend on the order runs are planned,
/// run or validated, nor on the other sampled inputs.
/// </remarks>
public sealed class ExperimentPlan
{
    private ExperimentPlan(Experiment experiment, ScenarioDocument document, long seed, IReadOnlyList<Variant> variants)
    {
        Experiment = experiment;
        Document = document;
        Seed = seed;
        Variants = variants;
    }

    public Experiment Experiment { get; }

    public ScenarioDocument Document { get; }

    /// <summary>The batch seed: the experiment's, or else the scenario's own.</summary>
    public long Seed { get; }

    public IReadOnlyList<Variant> Variants { get; }

    /// <summary>Variants × replicates.</summary>
    public long RunCount => (long)Variants.Count * Experiment.Runs;

    /// <summary>
    /// Checks the experiment's paths, values and size against <paramref name="document"/> and plans
    /// its variants. <paramref name="scenarioSeed"/> is the scenario's own seed, used when the
    /// experiment gives none.
    /// </summary>
    /// <exception cref="InvalidInputException">Every problem found, at once.</exception>
    public static ExperimentPlan Create(Experiment experiment, ScenarioDocument document, long scenarioSeed)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<InputError>();
        var seen = new Dictionary<ScenarioPath, InputOrigin>();
        foreach (var (path, origin) in experiment.Vary.Select(a => (a.Path, a.Origin)).Concat(experiment.Sample.Select(s => (s.Path, s.Origin))))
        {
            if (path.Steps is [{ Kind: PathStepKind.Key, Key: ScenarioSeed.Key }])
            {
                // Every run's seed is the batch's doing (replicate 1 the batch seed, the others derived
                // from it), so a varied or drawn seed would be overwritten and change nothing.
                errors.Add(ExperimentOptions.Error(origin, path.Text,
                    "the seed is not varied or sampled: each run's seed comes from the batch seed; use --seed S for the batch seed and --runs N for N replicates, each with its own seed"));
                continue;
            }

            if (!seen.TryAdd(path, origin))
            {
                errors.Add(ExperimentOptions.Error(origin, path.Text, "is varied or sampled twice; give each path once"));
                continue;
            }

            if (document.Problem(path) is { } problem)
            {
                errors.Add(ExperimentOptions.Error(origin, path.Text, $"not in {document.FileName}: {problem}"));
            }
        }

        foreach (var sample in experiment.Sample.Where(s => s.Distribution is not Distribution.Choice))
        {
            // A supply elasticity may be written infinite (DESIGN §6.1) and still be sampled as a number.
            if (document.Problem(sample.Path) is null && !document.IsMissing(sample.Path) && !document.IsNumberAt(sample.Path)
                && document.ValueAt(sample.Path) != SectorReader.InfiniteWord)
            {
                var written = document.ValueAt(sample.Path) is { } value ? $"the text '{value}'" : "a map or a list";
                errors.Add(ExperimentOptions.Error(sample.Origin, sample.Path.Text,
                    $"holds {written} in {document.FileName}, but {sample.Distribution} draws numbers; use choice(...) for other values"));
            }
        }

        if (experiment.Runs < 1 || experiment.Runs > ExperimentLimits.MaxReplicates)
        {
            errors.Add(new InputError("--runs", null, null, "", $"must be from 1 to {ExperimentLimits.MaxReplicates} replicates per variant, got {experiment.Runs}"));
        }

        var variantCount = experiment.Vary.Aggregate(1L, (count, axis) => Math.Min(count * axis.Values.Count, ExperimentLimits.MaxRuns + 1));
        if (variantCount * Math.Max(1, experiment.Runs) > ExperimentLimits.MaxRuns)
        {
            errors.Add(new InputError("--vary", null, null, "",
                $"the batch would have {(variantCount > ExperimentLimits.MaxRuns ? "more than " + ExperimentLimits.MaxRuns.ToString(CultureInfo.InvariantCulture) : (variantCount * experiment.Runs).ToString(CultureInfo.InvariantCulture))} runs; at most {ExperimentLimits.MaxRuns} (MaxRuns) are accepted"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return new ExperimentPlan(experiment, document, experiment.Seed ?? scenarioSeed, Grid(experiment.Vary));
    }

    /// <summary>The seed replicate <paramref name="replicate"/> (from 1) runs with.</summary>
    public long ReplicateSeed(int replicate) =>
        replicate == 1 ? Seed : (long)(StableHash.Of(Seed, "replicate", replicate.ToString(CultureInfo.InvariantCulture)) >> 1);

    /// <summary>Every run, variant by variant and replicate by replicate; made as enumerated, so a large batch holds none in memory.</summary>
    public IEnumerable<PlannedRun> Runs()
    {
        foreach (var variant in Variants)
        {
            for (var replicate = 1; replicate <= Experiment.Runs; replicate++)
            {
                yield return Run(variant, replicate);
            }
        }
    }

    /// <summary>The run of <paramref name="variant"/> at <paramref name="replicate"/>, with its draws.</summary>
    public PlannedRun Run(Variant variant, int replicate)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var settings = variant.Settings.ToList();
        var replicateText = replicate.ToString(CultureInfo.InvariantCulture);
        foreach (var sample in Experiment.Sample)
        {
            var random = SeededRandom.For(Seed, "sample", variant.Key, replicateText, sample.Path.Text);
            settings.Add(new ScenarioSetting(sample.Path, sample.Distribution.Draw(random)));
        }

        return new PlannedRun(variant, replicate, ReplicateSeed(replicate), settings);
    }

    /// <summary>The scenario a run plays.</summary>
    /// <exception cref="InvalidInputException">Its values do not make a valid scenario.</exception>
    public Scenario Load(PlannedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Document.Load(run.Settings);
    }

    /// <summary>
    /// Loads the scenario of every run (not kept), so that a batch either can run all of them or
    /// runs none. An error that several runs share is listed once, with the values of the first
    /// run that met it and the number of runs that did.
    /// </summary>
    /// <remarks>
    /// A scenario is a function of the values put into it, so runs with the same values (the
    /// replicates of a variant, which differ only in their seed) are loaded once: a batch of 500
    /// replicates otherwise spent most of its time before the first run loading the same scenario
    /// 500 times.
    /// </remarks>
    /// <exception cref="InvalidInputException">Every distinct error, at once.</exception>
    public void Validate()
    {
        var found = new Dictionary<InputError, (PlannedRun First, int Count)>();
        var order = new List<InputError>();
        var loaded = new Dictionary<IReadOnlyList<ScenarioSetting>, IReadOnlyList<InputError>>(SameSettings.Instance);
        foreach (var run in Runs())
        {
            if (!loaded.TryGetValue(run.Settings, out var errors))
            {
                errors = ErrorsOf(run.Settings);
                loaded[run.Settings] = errors;
            }

            foreach (var error in errors)
            {
                if (found.TryGetValue(error, out var seenBefore))
                {
                    found[error] = (seenBefore.First, seenBefore.Count + 1);
                }
                else if (order.Count < ScenarioLimits.MaxErrors)
                {
                    found[error] = (run, 1);
                    order.Add(error);
                }
            }
        }

        if (order.Count == 0)
        {
            return;
        }

        var total = RunCount;
        throw new InvalidInputException(order.Select(error =>
        {
            var (first, count) = found[error];
            var which = first.Settings.Count == 0 ? "" : $" with {string.Join(", ", first.Settings)}";
            var how = count == total ? " (in every run)" : count > 1 ? $" (in {count} of {total} runs, the first{which})" : $" (in the run{which})";
            return error with { Message = error.Message + how };
        }).ToList());
    }

    private IReadOnlyList<InputError> ErrorsOf(IReadOnlyList<ScenarioSetting> settings)
    {
        try
        {
            Document.Load(settings);
            return [];
        }
        catch (InvalidInputException invalid)
        {
            return invalid.Errors;
        }
    }

    /// <summary>Two runs' values are the same when they set the same paths to the same values in the same order.</summary>
    private sealed class SameSettings : IEqualityComparer<IReadOnlyList<ScenarioSetting>>
    {
        public static SameSettings Instance { get; } = new();

        public bool Equals(IReadOnlyList<ScenarioSetting>? x, IReadOnlyList<ScenarioSetting>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        // A lookup only: nothing a run reports depends on these hashes or on the dictionary's order.
        public int GetHashCode(IReadOnlyList<ScenarioSetting> settings)
        {
            var hash = new HashCode();
            foreach (var setting in settings)
            {
                hash.Add(setting);
            }

            return hash.ToHashCode();
        }
    }

    private static List<Variant> Grid(IReadOnlyList<GridAxis> axes)
    {
        var combinations = new List<List<ScenarioSetting>> { new() };
        foreach (var axis in axes)
        {
            combinations = [.. combinations.SelectMany(prefix => axis.Values.Select(value => new List<ScenarioSetting>(prefix) { new(axis.Path, value) }))];
        }

        return [.. combinations.Select((settings, i) => new Variant(i + 1, settings))];
    }
}
