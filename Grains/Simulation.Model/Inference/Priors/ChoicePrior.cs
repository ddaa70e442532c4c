namespace Simulation.Model.Inference;

/// <summary>
/// <c>choice(x, y, ...)</c> (equal probabilities) or <c>choice({x: p, y: q})</c>: one of the
/// options, each with its probability. A particle holds the option's index. Its kernel keeps the
/// option with probability <see cref="KeepProbability"/>, otherwise redraws it from the prior (DESIGN §9).
/// </summary>
public sealed record ChoicePrior(IReadOnlyList<string> Options, IReadOnlyList<double> Probabilities) : Prior
{
    public const double KeepProbability = 0.8;

    public bool IsEqual => Probabilities.All(p => p == Probabilities[0]);

    public override string Text => IsEqual
        ? $"choice({string.Join(",", Options)})"
        : $"choice({{{string.Join(", ", Options.Select((o, i) => $"{o}: {Show(Probabilities[i])}"))}}})";

    public override double Draw(Random random)
    {
        var u = random.NextDouble();
        var cumulative = 0.0;
        for (var i = 0; i < Options.Count - 1; i++)
        {
            cumulative += Probabilities[i];
            if (u < cumulative)
            {
                return i;
            }
        }

        return Options.Count - 1;
    }

    public override double Density(double value) => value >= 0 && value < Options.Count && value == Math.Floor(value) ? Probabilities[(int)value] : 0;

    public override string Format(double value) => Options[(int)value];

    public override PerturbationKernel KernelFor(IReadOnlyList<double> values, IReadOnlyList<double> weights) => new ChoiceKernel(this);

    public bool Equals(ChoicePrior? other) =>
        other is not null && Options.SequenceEqual(other.Options, StringComparer.Ordinal) && Probabilities.SequenceEqual(other.Probabilities);

    public override int GetHashCode() => Options.Count;
}
