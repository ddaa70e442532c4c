using Simulation.Model.Statistics;

namespace Simulation.Model.Experiments;

/// <summary>
/// Where a sampled input's values come from (<c>--sample PATH=...</c>, DESIGN §6.5):
/// <c>uniform(a,b)</c> on [a, b), <c>normal(m,s)</c> with mean m and standard deviation s,
/// <c>lognormal(m,s)</c> whose logarithm is normal(m, s) (so its median is e^m), and
/// <c>choice(x,y,...)</c>, one of the values with equal probability. A draw is a value as written
/// in a scenario file.
/// </summary>
public abstract record Distribution
{
    /// <summary>The text it was written as, in canonical form.</summary>
    public abstract string Text { get; }

    /// <summary>One draw from <paramref name="random"/>, as the text to put in the scenario.</summary>
    public abstract string Draw(Random random);

    public sealed override string ToString() => Text;

    /// <summary>Parses <c>name(arguments)</c>; null with <paramref name="error"/> saying what is wrong.</summary>
    public static Distribution? TryParse(string text, out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        error = null;
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')'))
        {
            error = $"'{text}' is not a distribution; write uniform(a,b), normal(m,s), lognormal(m,s) or choice(x,y,...)";
            return null;
        }

        var name = text[..open].Trim();
        var arguments = text[(open + 1)..^1].Split(',').Select(a => a.Trim()).ToList();
        if (name == "choice")
        {
            if (arguments.Any(a => a.Length == 0))
            {
                error = "choice(...) needs one or more values separated by commas, none empty";
                return null;
            }

            return new Choice(arguments);
        }

        if (name is not ("uniform" or "normal" or "lognormal"))
        {
            error = $"unknown distribution '{name}' (available: uniform, normal, lognormal, choice)";
            return null;
        }

        var numbers = arguments.Select(ValueFormat.Number).ToList();
        if (numbers.Count != 2 || numbers.Any(n => n is null))
        {
            error = $"{name}(...) takes two numbers, got '{text[open..]}'";
            return null;
        }

        var (first, second) = (numbers[0]!.Value, numbers[1]!.Value);
        switch (name)
        {
            case "uniform" when first >= second:
                error = $"uniform(a,b) needs a < b, got a = {ValueFormat.Show(first)}, b = {ValueFormat.Show(second)}";
                return null;
            case "uniform":
                return new Uniform(first, second);
            case "normal" or "lognormal" when second < 0:
                error = $"{name}(m,s) needs a standard deviation s ≥ 0, got {ValueFormat.Show(second)}";
                return null;
            case "normal":
                return new Normal(first, second);
            default:
                return new LogNormal(first, second);
        }
    }

    /// <summary>Uniform on [a, b).</summary>
    public sealed record Uniform(double Low, double High) : Distribution
    {
        public override string Text => $"uniform({ValueFormat.Show(Low)},{ValueFormat.Show(High)})";

        public override string Draw(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return ValueFormat.Show(Low + ((High - Low) * random.NextDouble()));
        }
    }

    /// <summary>Normal with mean m and standard deviation s.</summary>
    public sealed record Normal(double Mean, double StandardDeviation) : Distribution
    {
        public override string Text => $"normal({ValueFormat.Show(Mean)},{ValueFormat.Show(StandardDeviation)})";

        public override string Draw(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return ValueFormat.Show(Mean + (StandardDeviation * StandardNormal.Draw(random)));
        }
    }

    /// <summary>exp of a normal(m, s) draw: positive, median e^m, mean e^(m + s²/2).</summary>
    public sealed record LogNormal(double LogMean, double LogStandardDeviation) : Distribution
    {
        public override string Text => $"lognormal({ValueFormat.Show(LogMean)},{ValueFormat.Show(LogStandardDeviation)})";

        public override string Draw(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return ValueFormat.Show(Math.Exp(LogMean + (LogStandardDeviation * StandardNormal.Draw(random))));
        }
    }

    /// <summary>One of the values, each with probability 1/n.</summary>
    public sealed record Choice(IReadOnlyList<string> Values) : Distribution
    {
        public override string Text => $"choice({string.Join(",", Values)})";

        public override string Draw(Random random)
        {
            ArgumentNullException.ThrowIfNull(random);
            return Values[random.Next(Values.Count)];
        }

        public bool Equals(Choice? other) => other is not null && Values.SequenceEqual(other.Values, StringComparer.Ordinal);

        public override int GetHashCode() => (int)Determinism.StableHash.Of([.. Values]);
    }
}
