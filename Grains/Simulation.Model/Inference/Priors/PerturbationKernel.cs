namespace Simulation.Model.Inference;

/// <summary>ABC-PMC's perturbation kernel K(θ | θ_j) for one parameter, in its prior's kernel space.</summary>
public abstract class PerturbationKernel
{
    /// <summary>A perturbation of the particle value <paramref name="from"/>.</summary>
    public abstract double Perturb(double from, Random random);

    /// <summary>K(<paramref name="to"/> | <paramref name="from"/>): a density (a probability for a choice).</summary>
    public abstract double Density(double to, double from);
}
