namespace Simulation.Model.Genius;

/// <summary>
/// A GENIUS domain with its parties' linear-additive profiles, as a <c>units: utility</c> scenario
/// will state it: each party's number for a value is its GENIUS utility contribution
/// w_i · eval(v) / max_v' eval(v') (Baarslag et al.'s GENIUS; the same in NegMAS), so a party's
/// utility of an outcome is the sum over issues, exactly GENIUS's.
/// </summary>
/// <param name="Name">The scenario's name: the domain's objective name, or its file name.</param>
/// <param name="NegotiationId">The negotiation's id, made from the domain's file name.</param>
/// <param name="Parties">The parties, one per profile, in the order given.</param>
/// <param name="Issues">The issues in the domain's order, values in the domain's order (the first is the status quo).</param>
/// <param name="Warnings">What the import changed or could not keep of GENIUS's reading (a real issue discretised, a discount discarded, weights above 1), in file order.</param>
public sealed record GeniusScenario(
    string Name, string NegotiationId, IReadOnlyList<GeniusParty> Parties, IReadOnlyList<GeniusIssue> Issues, IReadOnlyList<string> Warnings)
{
    /// <summary>The protocol the scenario names: alternating offers for two parties, SAOP (GENIUS's stacked alternating offers) for more.</summary>
    public string Protocol => Parties.Count == 2 ? "alternating-offers" : "stacked-alternating-offers";
}

/// <summary>
/// A party: its country id, the profile file it came from, its reservation value and discount factor
/// (null where none), and whether its best outcome is worth more than 1, so that GENIUS's cap of a
/// utility at 1 (AdditiveUtilitySpace.getUtility) changes its utilities.
/// </summary>
public sealed record GeniusParty(string Id, string ProfileFile, double? Reservation, double? Discount, bool Capped = false);

/// <summary>An issue, its value names, and each party's utility contribution of each value (by party id).</summary>
public sealed record GeniusIssue(string Name, IReadOnlyList<string> Values, IReadOnlyDictionary<string, IReadOnlyList<double>> ValueByParty);
