namespace Simulation.Model.Scenarios;

/// <summary>
/// A negotiating strategy as written in a scenario. Only the time-dependent family exists so far
/// (Faratin, Sierra &amp; Jennings 1998): <see cref="E"/> is the concession exponent e and
/// <see cref="K"/> the initial constant k of F(t) = k + (1 − k) t^(1/e).
/// <see cref="Preset"/> names the preset it came from (boulware, linear, conceder, hardliner), if any.
/// </summary>
public sealed record StrategySpec(string Type, double E, double K = 0, string? Preset = null)
{
    public const string TimeDependent = "time-dependent";

    /// <summary>What a country without a strategy plays (DESIGN §4.4).</summary>
    public static StrategySpec Default { get; } = new(TimeDependent, 1, 0, "linear");

    /// <summary>The presets a scenario may name instead of a map.</summary>
    public static IReadOnlyDictionary<string, StrategySpec> Presets { get; } = new Dictionary<string, StrategySpec>
    {
        ["boulware"] = new(TimeDependent, 0.2, 0, "boulware"),
        ["linear"] = new(TimeDependent, 1, 0, "linear"),
        ["conceder"] = new(TimeDependent, 2, 0, "conceder"),
        ["hardliner"] = new(TimeDependent, 0, 0, "hardliner"),
    };

    /// <summary>A short label for tables and JSON: the preset name, or type and exponent.</summary>
    public string Label => Preset ?? FormattableString.Invariant($"{Type}(e={E}, k={K})");
}
