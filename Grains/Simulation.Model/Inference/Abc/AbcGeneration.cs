namespace Simulation.Model.Inference;

/// <summary>
/// A finished generation of ABC-PMC: its tolerance ε (null for generation 0, which keeps every
/// draw from the prior), the proposals made until the last particle was accepted, and the particles.
/// </summary>
public sealed record AbcGeneration(int Index, double? Tolerance, int Proposals, IReadOnlyList<Particle> Particles)
{
    public int Accepted => Particles.Count;

    public double AcceptanceRate => (double)Accepted / Proposals;

    /// <summary>Kish's effective sample size 1/Σw² of the normalised weights.</summary>
    public double EffectiveSampleSize => 1 / Particles.Sum(p => p.Weight * p.Weight);
}
