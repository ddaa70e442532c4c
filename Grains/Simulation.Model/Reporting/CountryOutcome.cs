using System.Text.Json.Serialization;
using Simulation.Model.Economics;

namespace Simulation.Model.Reporting;

/// <summary>
/// A country at the end of a run (or after an evaluated change), relative to the base data
/// (DESIGN §6.2): the value of its own objective, the value all three objectives would give, the
/// change in its exports and imports, its welfare breakdown, its exports by partner before
/// and after, and, by sector, its sales outside the markets listed (DESIGN §3.2, "A complete world";
/// null, and left out of the JSON, for a country without a <c>supply:</c> total above its listed
/// sales). Values at world prices, in the scenario's unit.
/// </summary>
public sealed record CountryOutcome(
    string Id,
    ObjectiveValue Objective,
    ObjectiveMeasures Measures,
    double ExportsChange,
    double ImportsChange,
    WelfareAccount Welfare,
    ExportsByPartner Exports,
    IReadOnlyDictionary<string, SalesElsewhere>? Elsewhere = null)
{
    /// <summary>
    /// The effective rate of protection of each sector the country makes with inputs (DESIGN §3.2),
    /// before and after; null (and left out of the JSON) for a country without inputs.
    /// </summary>
    public IReadOnlyList<EffectiveRate>? EffectiveProtection { get; init; }
}

/// <summary>The country's objective (DESIGN §3.3) and its value.</summary>
public sealed record ObjectiveValue(
    string Kind,
    double Value);

/// <summary>What each of the three objectives, under the country's own weights, makes of the same change.</summary>
public sealed record ObjectiveMeasures(
    double Mercantilist,
    double Welfare,
    double Political);

/// <summary>National welfare change: consumer surplus and tariff revenue in its markets, its producers' surplus.</summary>
public sealed record WelfareAccount(
    double ConsumerSurplus,
    double TariffRevenue,
    double ProducerSurplus,
    double Total);

/// <summary>
/// The country's exports to each partner in the base data (before) and in the final world (after),
/// at world prices; each partner's share of the total; and the partner taking the largest share,
/// before and after. A country without exports has empty shares and no largest partner (null).
/// </summary>
public sealed record ExportsByPartner(
    IReadOnlyDictionary<string, double> Before,
    IReadOnlyDictionary<string, double> After,
    IReadOnlyDictionary<string, double> ShareBefore,
    IReadOnlyDictionary<string, double> ShareAfter,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] LargestPartner? LargestBefore,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] LargestPartner? LargestAfter);

/// <summary>The partner taking the largest share of a country's exports, and that share (0 to 1).</summary>
public sealed record LargestPartner(
    string Partner,
    double Share);
