namespace Simulation.Model.Inference;

/// <summary>
/// <c>loguniform(a, b)</c>, 0 &lt; a &lt; b: the logarithm is uniform on [ln a, ln b], so each
/// factor of ten is equally likely. Its kernel space is the logarithm, where it is perturbed
/// (DESIGN §9) and where its density is uniform.
/// </summary>
public sealed record LogUniformPrior(double Low, double High) : NumericPrior
{
    public override string Text => $"loguniform({Show(Low)},{Show(High)})";

    public override double Lower => Math.Log(Low);

    public override double Upper => Math.Log(High);

    public override double ToKernel(double value) => Math.Log(value);

    public override double FromKernel(double value) => Math.Exp(value);

    // Clamped: exp(ln b) can round a hair past b.
    public override double Draw(Random random) => Math.Clamp(Math.Exp(Lower + ((Upper - Lower) * random.NextDouble())), Low, High);

    public override double Density(double value) => value >= Lower && value <= Upper ? 1 / (Upper - Lower) : 0;

    public override double Quantile(double p) => Lower + (p * (Upper - Lower));
}
