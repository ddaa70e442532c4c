using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Experiments;

/// <summary>
/// <c>batch --sensitivity</c>: every number the scenario marks as an estimate
/// (<c>estimate: { FIELD: { low, high } }</c>, <see cref="Scenario.Estimates"/>) becomes an input
/// drawn uniformly over [low, high] in every run, exactly as <c>--sample PATH=uniform(low,high)</c>
/// would draw it (same generator, same seeds); and, for a tornado chart, two one-at-a-time runs per
/// estimate, at its low and at its high end with every other number as written. Uniform, because a
/// mark gives a range and nothing more: any other shape would claim knowledge the file does not hold.
/// </summary>
public sealed class SensitivityDesign
{
    public const string Option = "--sensitivity";

    /// <summary>
    /// Runs when <c>--runs</c> is not given: 100 draws put the 5th and 95th percentiles between the
    /// 5th and 6th smallest and largest values, and a correlation of 0.2 near the edge of what random
    /// draws give (|r| above about 0.2 happens by chance about 5% of the time at n = 100).
    /// </summary>
    public const int DefaultRuns = 100;

    private SensitivityDesign(IReadOnlyList<Estimate> estimates)
    {
        Estimates = estimates;
    }

    /// <summary>The estimates drawn, in the order of the file; an estimate whose low equals its high is fixed, not an input.</summary>
    public IReadOnlyList<Estimate> Estimates { get; }

    /// <summary>The paths drawn, in the order of <see cref="Estimates"/>.</summary>
    public IReadOnlyList<string> Inputs => [.. Estimates.Select(e => e.Path)];

    /// <summary>One <c>uniform(low,high)</c> per estimate.</summary>
    public IReadOnlyList<SampledInput> Sample =>
        [.. Estimates.Select(e => new SampledInput(ScenarioPath.Parse(e.Path), new Distribution.Uniform(e.Low, e.High), InputOrigin.Option(Option)))];

    /// <summary>The tornado's runs: each estimate at its low, then at its high end.</summary>
    public IReadOnlyList<OneAtATimeRun> OneAtATime =>
        [.. Estimates.SelectMany(e => new[]
        {
            new OneAtATimeRun(e.Path, false, new ScenarioSetting(ScenarioPath.Parse(e.Path), ValueFormat.Show(e.Low))),
            new OneAtATimeRun(e.Path, true, new ScenarioSetting(ScenarioPath.Parse(e.Path), ValueFormat.Show(e.High))),
        })];

    /// <summary>
    /// The design for <paramref name="scenario"/> (the file as written) and the experiment with its
    /// estimates added to the sampled inputs, <see cref="DefaultRuns"/> replicates unless
    /// <paramref name="runsGiven"/>.
    /// </summary>
    /// <exception cref="InvalidInputException">The experiment has a grid, or the scenario marks no estimate.</exception>
    public static (SensitivityDesign Design, Experiment Experiment) Apply(Experiment experiment, Scenario scenario, string fileName, bool runsGiven)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = new List<InputError>();
        if (experiment.Vary.Count > 0)
        {
            // One sample of the estimates per grid point would need ranges and correlations per
            // variant, and a tornado per variant: a different study. Run one batch per value instead.
            errors.Add(new InputError(Option, null, null, "",
                $"cannot be combined with --vary ({string.Join(", ", experiment.Vary.Select(a => a.Path.Text))}): the analysis draws around one scenario; run one --sensitivity batch per value instead"));
        }

        var estimates = scenario.Estimates.Where(e => e.Low < e.High).ToList();
        if (estimates.Count == 0)
        {
            errors.Add(new InputError(Option, null, null, "",
                $"{fileName} marks no number as an estimate with a range (low < high); mark them with estimate: {{ FIELD: {{ low, high }} }} beside the numbers (docs/scenario-format.md, \"Estimates\")"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        var design = new SensitivityDesign(estimates);
        return (design, experiment with
        {
            Sample = [.. experiment.Sample, .. design.Sample],
            Runs = runsGiven ? experiment.Runs : DefaultRuns,
        });
    }

    /// <summary>Loads the scenario of every one-at-a-time run (not kept), so that a bad range stops the batch before it starts.</summary>
    /// <exception cref="InvalidInputException">Every error, each with the run it came from.</exception>
    public void Validate(ScenarioDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var errors = new List<InputError>();
        foreach (var run in OneAtATime)
        {
            try
            {
                document.Load([run.Setting]);
            }
            catch (InvalidInputException invalid)
            {
                errors.AddRange(invalid.Errors.Select(e => e with { Message = $"{e.Message} (in the tornado run with {run.Setting})" }));
            }
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }
    }
}
