using Simulation.Client.Batch;
using Simulation.Client.Hosting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Experiments;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Input;
using Simulation.Model.Reporting;

namespace Simulation.Client.Inference;

/// <summary>
/// Plays a forecast's runs (DESIGN §9): M particles drawn from the posterior by weight, the scenario
/// run with each draw's values put in, built as a batch builds its runs (<see cref="BatchRunner.Order"/>),
/// on the host chosen by <c>--engine</c>. Every run has the scenario's own seed, as a simulation of an
/// episode does, so the draws' values alone make the runs differ. A run is deterministic (DESIGN §5.2),
/// so draws with the same values are played once and counted as often as they were drawn: the
/// forecast is the one of M separate runs, whatever the parallelism.
/// </summary>
internal static class ForecastRunner
{
    /// <summary>The posterior's paths the scenario can take a value at; the others are another table's and are left out.</summary>
    public static Func<ScenarioPath, bool> PathsOf(ScenarioDocument document) => path => document.Problem(path) is null;

    /// <summary>
    /// The runs of <paramref name="draws"/> (positions in <paramref name="posterior"/>), each checked
    /// before the first plays: one per distinct set of values, with, for each draw, the run it counts.
    /// </summary>
    /// <exception cref="InvalidInputException">A particle's values do not make a valid scenario; every error at once, each naming its particle.</exception>
    public static (IReadOnlyList<RunOrder> Runs, IReadOnlyList<int> RunOfDraw) Orders(ScenarioDocument document, Posterior posterior, IReadOnlyList<int> draws)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(posterior);
        ArgumentNullException.ThrowIfNull(draws);
        var applies = PathsOf(document);
        var runs = new List<RunOrder>();
        var runOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        var runOfDraw = new int[draws.Count];
        var errors = new List<InputError>();
        for (var d = 0; d < draws.Count; d++)
        {
            var settings = posterior.SettingsOf(draws[d], applies);
            var key = string.Join(";", settings);
            if (!runOfKey.TryGetValue(key, out var run))
            {
                run = runOfKey[key] = runs.Count;
                var seed = document.Seed;
                try
                {
                    runs.Add(new RunOrder(RunIds.For(document.Text, seed, key), document.TextWith(settings), Path.GetFileName(document.FileName), seed)
                    {
                        Parsed = document.Load(settings),
                    });
                }
                catch (InvalidInputException invalid)
                {
                    var particle = posterior.Particles[draws[d]].Id;
                    errors.AddRange(invalid.Errors.Select(e => e with { Message = $"{e.Message} (with the values of posterior particle {particle}: {key})" }));
                }
            }

            runOfDraw[d] = run;
        }

        if (errors.Count > 0)
        {
            throw new InvalidInputException(errors);
        }

        return (runs, runOfDraw);
    }

    /// <summary>
    /// The forecast of <paramref name="issues"/>' table: <paramref name="runs"/> played
    /// (<see cref="PlayAsync"/>), each draw counted at the end of the run it maps to.
    /// </summary>
    public static async Task<ForecastDistribution> ForecastAsync(IReadOnlyList<RunOrder> runs, IReadOnlyList<int> runOfDraw, NegotiationIssues issues, IRunHost host, int parallel, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(runOfDraw);
        var ends = await PlayAsync(runs, issues, host, parallel, cancellation);
        return ForecastDistribution.Of(issues, [.. runOfDraw.Select(run => ends[run])]);
    }

    /// <summary>What pins a forecast of <paramref name="scenarioFile"/> from <paramref name="posterior"/> with <paramref name="seed"/> down (DESIGN §9).</summary>
    public static PreRegistration Registration(string scenarioFile, PosteriorDirectory posterior, long seed)
    {
        ArgumentNullException.ThrowIfNull(posterior);
        return new PreRegistration(CalibrationDirectory.Sha256(scenarioFile), posterior.SamplesSha256, seed, posterior.LearnedUntil);
    }

    /// <summary>
    /// Plays <paramref name="runs"/>, <paramref name="parallel"/> at once, with a progress bar on
    /// stderr, and returns each one's end on <paramref name="issues"/>' table, in the order given.
    /// </summary>
    /// <exception cref="RunFailedException">A run ended without an outcome.</exception>
    public static async Task<IReadOnlyList<RunEnd>> PlayAsync(IReadOnlyList<RunOrder> runs, NegotiationIssues issues, IRunHost host, int parallel, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(host);
        var ends = new RunEnd[runs.Count];
        await BatchProgress.RunAsync(runs.Count, 0, finished => Parallel.ForEachAsync(
            Enumerable.Range(0, runs.Count),
            new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellation },
            async (index, token) =>
            {
                RunOutcome outcome;
                try
                {
                    outcome = await host.PlayAsync(runs[index], null, null, token);
                }
                catch (RunFailedException failed)
                {
                    // A run is deterministic: played again it would fail again, so the forecast stops.
                    throw new RunFailedException(failed.RunId, $"run {failed.RunId} of the forecast failed, so no forecast was made: {failed.Message}", failed);
                }

                ends[index] = RunEnd.Of(issues, outcome);
                await host.ReleaseAsync(runs[index].RunId, token);
                finished();
            }));
        return ends;
    }
}
