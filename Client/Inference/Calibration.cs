using Simulation.Client.Hosting;
using Simulation.Model.Inference;

namespace Simulation.Client.Inference;

/// <summary>
/// One calibration run into its opened directory (DESIGN §9): ABC-PMC over the episodes, each
/// simulated through the run host, every generation written as it finishes, and the results written
/// at the end. <c>calibrate</c> runs one; <c>calibrate --leave-one-out</c> one per episode left out.
/// </summary>
internal static class Calibration
{
    /// <summary>Runs the calibration of <paramref name="inputs"/> on from <paramref name="directory"/>'s completed generations, with a progress bar on stderr.</summary>
    public static async Task<(AbcResult Result, IReadOnlyList<ParameterSummary> Summary)> RunAsync(
        CalibrationInputs inputs, CalibrationDirectory directory, AbcSettings settings, IRunHost host, CancellationToken cancellation)
    {
        var simulator = new EpisodeSimulator(inputs, host);
        var abc = new AbcPmc([.. inputs.Priors.Select(x => x.Prior)], [.. inputs.Episodes.Select(AbcTarget.Of)], settings);
        var result = await CalibrationProgress.RunAsync(settings.Particles, settings.Generations, (progress, finished) =>
            abc.RunAsync(simulator.SimulateAsync, directory.Completed, async (generation, token) =>
            {
                await directory.WriteGenerationAsync(generation, token);
                finished(generation);
            }, progress, cancellation));

        if (simulator.Failures > 0)
        {
            Console.Error.WriteLine($"warning: {simulator.Failures} simulations failed (a value the scenario refuses, or a run that failed); each counts as distance 1");
        }

        var summary = PosteriorSummary.Of(inputs.Priors, result.Posterior.Particles);
        directory.WriteResults(directory.Samples(result.Posterior), CalibrationReport.Summary(summary),
            CalibrationReport.Diagnostics(inputs, settings, result, summary, simulator.Failures));
        return (result, summary);
    }
}
