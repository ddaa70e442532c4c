namespace Simulation.Model.Scenarios;

/// <summary>
/// A discrete issue (DESIGN §4.1, §6.1): named values (<c>values: [none, panel, appellate]</c>, the
/// first the status quo) and, per party, a number for each value
/// (<c>value: { CAN: [0, 40, 60] }</c>). What the numbers mean depends on the scenario's units: in
/// money units a party's gain V from the issue is <c>value[level] − value[0]</c>, since V is a gain
/// over no deal (DESIGN §4.2); in <c>units: utility</c> the numbers are utilities and count as they are.
/// A party without an entry values the issue 0 everywhere.
/// </summary>
/// <param name="Id">The issue's name, unique among the negotiation's discrete issues.</param>
/// <param name="Values">The names of its values, the status quo first.</param>
/// <param name="ValueByParty">For each party that values the issue, one number per value.</param>
public sealed record DiscreteIssueSpec(
    string Id,
    IReadOnlyList<string> Values,
    IReadOnlyDictionary<string, IReadOnlyList<double>> ValueByParty) : IssueSpec
{
    public override int LevelCount => Values.Count;

    /// <summary>The number <paramref name="party"/> gives the value at <paramref name="level"/>; 0 for a party without an entry.</summary>
    public double ValueOf(string party, int level) =>
        ValueByParty.TryGetValue(party, out var values) ? values[level] : 0;
}
