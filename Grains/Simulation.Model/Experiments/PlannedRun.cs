namespace Simulation.Model.Experiments;

/// <summary>
/// One run of a batch: its variant, its replicate (from 1), the seed it runs with, and every value
/// put into the scenario (the variant's, then the sampled draws, in the order the inputs were given).
/// </summary>
public sealed record PlannedRun(Variant Variant, int Replicate, long Seed, IReadOnlyList<ScenarioSetting> Settings)
{
    /// <summary>The values put into the scenario as one text, <c>path=value;...</c>: with the seed, what tells two runs apart.</summary>
    public string SettingsKey => string.Join(";", Settings);
}
