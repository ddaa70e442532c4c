namespace Simulation.Model.Experiments;

/// <summary>
/// One point of the grid: its number (from 1, in grid order) and the value of each varied path.
/// With no <c>--vary</c> there is one variant, the scenario as written.
/// </summary>
public sealed record Variant(int Number, IReadOnlyList<ScenarioSetting> Settings)
{
    /// <summary><c>path=value;path=value</c>, or empty for the scenario as written: what a run id is derived from.</summary>
    public string Key => string.Join(";", Settings);

    public override string ToString() => Settings.Count == 0 ? "the scenario as written" : string.Join(", ", Settings);
}
