using Simulation.Client.Hosting;
using Simulation.Model.Experiments;
using Spectre.Console;

namespace Simulation.Client.Commands;

/// <summary>The options of the commands that play many runs (<c>batch</c>, <c>forecast</c>): how many, from which seed, how many at once, on which engine; checked the same way everywhere.</summary>
internal static class PlayOptions
{
    public static ValidationResult Check(string? runs, string? seed, string? parallel, string engine, ClusterSettings silos)
    {
        if (runs is not null && OptionValue.Integer(runs) is not (>= 1 and <= ExperimentLimits.MaxReplicates))
        {
            return OptionValue.Error("--runs", runs, $"expected an integer from 1 to {ExperimentLimits.MaxReplicates}");
        }

        if (seed is not null && OptionValue.Integer(seed) is null)
        {
            return OptionValue.Error("--seed", seed, $"expected an integer in decimal digits from {long.MinValue} to {long.MaxValue}, e.g. 7 or -3");
        }

        return RunHosts.CheckMany(engine, parallel, silos);
    }
}
