namespace Simulation.Model.Inference;

/// <summary>
/// A parameter vector ABC-PMC asks to simulate: the <see cref="Number"/>th proposal of generation
/// <see cref="Generation"/>, values in the priors' order. <see cref="Id"/> names it in run ids.
/// </summary>
public sealed record Proposal(int Generation, int Number, IReadOnlyList<double> Values)
{
    public string Id => $"g{Generation}-p{Number}";
}
