namespace Simulation.Model.Experiments;

/// <summary>Limits checked before a batch starts (DESIGN §8), each named with its value in its error.</summary>
public static class ExperimentLimits
{
    /// <summary>Runs in one batch (variants × replicates): far beyond a study, and bounded so a typo (a grid of ten axes) is caught at once.</summary>
    public const long MaxRuns = 1_000_000;

    /// <summary>Replicates per variant.</summary>
    public const int MaxReplicates = 100_000;
}
