namespace Simulation.Client.Output;

/// <summary>
/// How tables name a negotiator's gain: by what it measures (<c>NegotiationOutcome.GainMeasure</c>,
/// "mercantilist score"), never as a bare "gain" a reader could take for welfare (DESIGN §3.3).
/// </summary>
public static class GainText
{
    /// <summary>"Gain in mercantilist score (CAD millions)"; a utility scenario's "Gain in utility" needs no unit.</summary>
    public static string Heading(string measure, string units) => $"Gain in {measure}{InUnits(measure, units)}";

    /// <summary>
    /// "gains in mercantilist score CAN 34.41, IDN 104.07 (CAD millions)"; parties with different
    /// objectives each name theirs: "gains CAN 34.41 in mercantilist score, CHN 2.10 in welfare score (…)".
    /// </summary>
    public static string Gains(IReadOnlyList<string> parties, IReadOnlyDictionary<string, double> gain, IReadOnlyDictionary<string, string> measure, string units)
    {
        var measures = parties.Select(p => measure[p]).Distinct(StringComparer.Ordinal).ToList();
        return measures.Count == 1
            ? $"gains in {measures[0]} " + string.Join(", ", parties.Select(p => $"{p} {Numbers.Format(gain[p], Numbers.Money)}")) + InUnits(measures[0], units)
            : "gains " + string.Join(", ", parties.Select(p => $"{p} {Numbers.Format(gain[p], Numbers.Money)} in {measure[p]}")) + $" ({units})";
    }

    private static string InUnits(string measure, string units) => measure == units ? "" : $" ({units})";

    public static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
