using Simulation.Model.Experiments;

namespace Simulation.Model.Inference;

/// <summary>
/// The prior of one calibrated parameter (DESIGN §9). A particle holds a parameter's value as a
/// double: the number itself, or for a <see cref="ChoicePrior"/> the index of the option. Densities
/// and the perturbation kernel work in the prior's kernel space (<see cref="NumericPrior.ToKernel"/>:
/// the log for <c>loguniform</c>), where ABC-PMC's weights are computed.
/// </summary>
public abstract record Prior
{
    /// <summary>The distribution as written, in canonical form: <c>uniform(0.1,5)</c>.</summary>
    public abstract string Text { get; }

    /// <summary>The value in kernel space, where densities and kernels work: the value itself unless a prior says otherwise.</summary>
    public virtual double ToKernel(double value) => value;

    /// <summary>A draw, as the value a particle holds.</summary>
    public abstract double Draw(Random random);

    /// <summary>The prior density (a probability for a choice) of <paramref name="value"/>, in kernel space; 0 outside the support.</summary>
    public abstract double Density(double value);

    /// <summary>The value as written in a scenario and in <c>samples.csv</c>.</summary>
    public abstract string Format(double value);

    /// <summary>The kernel that perturbs a particle drawn from a generation with these values and normalised weights (DESIGN §9).</summary>
    public abstract PerturbationKernel KernelFor(IReadOnlyList<double> values, IReadOnlyList<double> weights);

    public sealed override string ToString() => Text;

    private protected static string Show(double value) => ValueFormat.Show(value);
}
