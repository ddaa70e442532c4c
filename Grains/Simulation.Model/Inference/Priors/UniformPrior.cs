namespace Simulation.Model.Inference;

/// <summary><c>uniform(a, b)</c>: every value of [a, b] equally likely.</summary>
public sealed record UniformPrior(double Low, double High) : NumericPrior
{
    public override string Text => $"uniform({Show(Low)},{Show(High)})";

    public override double Lower => Low;

    public override double Upper => High;

    public override double Draw(Random random) => Low + ((High - Low) * random.NextDouble());

    public override double Density(double value) => value >= Low && value <= High ? 1 / (High - Low) : 0;

    public override double Quantile(double p) => Low + (p * (High - Low));
}
