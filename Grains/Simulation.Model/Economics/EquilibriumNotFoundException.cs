namespace Simulation.Model.Economics;

/// <summary>
/// A market model could not find the prices that clear a sector's markets. Thrown rather than
/// returning numbers that do not clear: a negotiator valuing outcomes on such numbers would be
/// misled without anyone knowing.
/// </summary>
public sealed class EquilibriumNotFoundException : Exception
{
    public EquilibriumNotFoundException(string sector, int iterations, double largestImbalance, string message)
        : base(message)
    {
        Sector = sector;
        Iterations = iterations;
        LargestImbalance = largestImbalance;
    }

    public string Sector { get; }

    public int Iterations { get; }

    /// <summary>The largest |demand − supply| / supply over the sector's suppliers when the solver stopped.</summary>
    public double LargestImbalance { get; }
}
