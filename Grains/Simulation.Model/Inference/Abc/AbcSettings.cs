namespace Simulation.Model.Inference;

/// <summary>
/// How a calibration runs (DESIGN §9): <see cref="Particles"/> per generation, at most
/// <see cref="Generations"/> generations counting generation 0, the seed every proposal's generator
/// derives from, and how many simulations run at once (which never changes a result).
/// </summary>
public sealed record AbcSettings(int Particles = 1000, int Generations = 8, long Seed = 0, int Parallel = 1)
{
    /// <summary>A generation accepting fewer than this share of its proposals ends the search (DESIGN §9).</summary>
    public const double MinAcceptanceRate = 0.01;

    /// <summary>The proposals a generation may make before it is abandoned for accepting under <see cref="MinAcceptanceRate"/>.</summary>
    public int MaxProposals => (int)Math.Min(int.MaxValue, Math.Ceiling(Particles / MinAcceptanceRate));
}
