using System.Globalization;
using System.Text;

namespace Simulation.Model.Benchmarks;

/// <summary>
/// Workload W1 (DESIGN §7), the shape NegMAS benchmarks itself on: two parties, three discrete issues
/// of ten values each, linear additive utilities with weights 0.5/0.3/0.2 and 0.2/0.3/0.5 and opposed
/// value orders (the first party prefers higher values, the second lower), 100 rounds of alternating
/// offers, time-dependent strategies. It is written as an ordinary <c>units: utility</c> scenario so
/// that `bench`, `run` and `batch` all play it through the same engine; scenarios/w1.yaml is
/// <see cref="ScenarioText"/> of <see cref="BoulwareVsConceder"/>, character for character.
/// </summary>
public static class W1Workload
{
    public const int Issues = 3;

    public const int ValuesPerIssue = 10;

    public const int Rounds = 100;

    public const string NegotiationId = "W1";

    public const string First = "ONE";

    public const string Second = "TWO";

    /// <summary>The issue weights of <see cref="First"/> and <see cref="Second"/>, as in DESIGN §7.</summary>
    public static IReadOnlyList<double> FirstWeights { get; } = [0.5, 0.3, 0.2];

    public static IReadOnlyList<double> SecondWeights { get; } = [0.2, 0.3, 0.5];

    /// <summary>Boulware (e = 0.2) against Conceder (e = 2): the pair scenarios/w1.yaml ships.</summary>
    public static W1Pair BoulwareVsConceder { get; } = new("boulware-conceder", 0.2, 2);

    /// <summary>Linear against linear (e = 1 both).</summary>
    public static W1Pair LinearVsLinear { get; } = new("linear-linear", 1, 1);

    /// <summary>Both pairs the bench measures, in the order it reports them.</summary>
    public static IReadOnlyList<W1Pair> Pairs { get; } = [BoulwareVsConceder, LinearVsLinear];

    /// <summary>
    /// A party's utility from value <paramref name="value"/> (0–9) of issue <paramref name="issue"/>:
    /// its weight times the value's evaluation, value/9 for the first party and (9 − value)/9 for the
    /// second, so each party's best outcome is worth exactly the sum of its weights, 1.
    /// </summary>
    public static double Utility(string party, int issue, int value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(issue);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(issue, Issues);
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(value, ValuesPerIssue);
        const int top = ValuesPerIssue - 1;
        return party switch
        {
            First => FirstWeights[issue] * value / top,
            Second => SecondWeights[issue] * (top - value) / top,
            _ => throw new ArgumentException($"W1 has parties {First} and {Second}, not {party}.", nameof(party)),
        };
    }

    /// <summary>The scenario file of a pair; numbers are written so that they read back bit for bit.</summary>
    public static string ScenarioText(W1Pair pair)
    {
        ArgumentNullException.ThrowIfNull(pair);
        var yaml = new StringBuilder();
        yaml.Append("# W1, the benchmark workload of docs/performance.md: NegMAS's own benchmark shape. Two parties,\n");
        yaml.Append("# three issues of ten values, linear additive utilities: a party's number for a value is its\n");
        yaml.Append("# weight (ONE 0.5/0.3/0.2, TWO 0.2/0.3/0.5) times value/9 for ONE and (9 - value)/9 for TWO.\n");
        yaml.Append("# `tradesim bench w1` also plays the other pair, linear (e = 1) against linear.\n");
        yaml.Append("name: W1 ").Append(pair.Name).Append('\n');
        yaml.Append("units: utility\n");
        yaml.Append("rounds: ").Append(Rounds).Append('\n');
        yaml.Append("countries:\n");
        yaml.Append("  ").Append(First).Append(": { strategy: { type: time-dependent, e: ").Append(Number(pair.FirstE)).Append(" } }\n");
        yaml.Append("  ").Append(Second).Append(": { strategy: { type: time-dependent, e: ").Append(Number(pair.SecondE)).Append(" } }\n");
        yaml.Append("negotiations:\n");
        yaml.Append("  - id: ").Append(NegotiationId).Append('\n');
        yaml.Append("    parties: [").Append(First).Append(", ").Append(Second).Append("]\n");
        yaml.Append("    protocol: alternating-offers\n");
        yaml.Append("    issues:\n");
        for (var issue = 0; issue < Issues; issue++)
        {
            yaml.Append("      - id: issue").Append(issue + 1).Append('\n');
            yaml.Append("        values: [").AppendJoin(", ", Enumerable.Range(0, ValuesPerIssue).Select(v => $"v{v}")).Append("]\n");
            yaml.Append("        value:\n");
            foreach (var party in new[] { First, Second })
            {
                yaml.Append("          ").Append(party).Append(": [")
                    .AppendJoin(", ", Enumerable.Range(0, ValuesPerIssue).Select(v => Number(Utility(party, issue, v)))).Append("]\n");
            }
        }

        return yaml.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
