namespace Simulation.Model.Inference;

/// <summary>Keeps the option with probability 0.8, otherwise redraws it from the prior (DESIGN §9): K(x | y) = 0.8·1[x = y] + 0.2·π(x).</summary>
internal sealed class ChoiceKernel(ChoicePrior prior) : PerturbationKernel
{
    public override double Perturb(double from, Random random) =>
        random.NextDouble() < ChoicePrior.KeepProbability ? from : prior.Draw(random);

    public override double Density(double to, double from) =>
        (to == from ? ChoicePrior.KeepProbability : 0) + ((1 - ChoicePrior.KeepProbability) * prior.Density(to));
}
