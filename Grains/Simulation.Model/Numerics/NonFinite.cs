namespace Simulation.Model.Numerics;

/// <summary>Words for a number that is not finite, so that messages about one never print "NaN" or "∞" themselves.</summary>
public static class NonFinite
{
    /// <summary>"not a number", "infinite" or "minus infinite".</summary>
    public static string Describe(double value) =>
        double.IsNaN(value) ? "not a number" : double.IsPositiveInfinity(value) ? "infinite" : double.IsNegativeInfinity(value) ? "minus infinite" : "finite";
}
