using System.Text.Json.Serialization;
using Simulation.Model.Economics;

namespace Simulation.Model.Reporting;

/// <summary>
/// A country at the end of a run (or after an evaluated change), relative to the base data
/// (DESIGN §6.2): its welfare change ΔW first, with its breakdown, then the value of the objective its
/// negotiators pursue under that objective's own name, the value all three objectives would give,
/// the change in its exports and imports, and its exports by partner before and after. Welfare
/// leads because a reader takes the first figure for the country's gain (DESIGN §3.3: reports lead
/// with welfare, never an unlabelled objective value). By sector, its sales outside the markets listed
/// (DESIGN §3.2, "A complete world"; null, and left out of the JSON, for a country without a
/// <c>supply:</c> total above its listed sales). Values at world prices, in the scenario's unit.
/// </summary>
public sealed record CountryOutcome(
    string Id,
    WelfareAccount Welfare,
    ObjectiveValue Objective,
    ObjectiveMeasures Measures,
    double ExportsChange,
    double ImportsChange,
    ExportsByPartner Exports,
    IReadOnlyDictionary<string, SalesElsewhere>? Elsewhere = null)
{
    /// <summary>
    /// The effective rate of protection of each sector the country makes with inputs (DESIGN §3.2),
    /// before and after; null (and left out of the JSON) for a country without inputs.
    /// </summary>
    public IReadOnlyList<EffectiveRate>? EffectiveProtection { get; init; }
}

/// <summary>
/// The country's objective (DESIGN §3.3): its kind as a scenario names it (<c>mercantilist</c>), what
/// outputs call its value (<see cref="Economics.Objectives.IObjective.ScoreName"/>, "mercantilist score"),
/// and the value.
/// </summary>
public sealed record ObjectiveValue(
    string Kind,
    string Name,
    double Value);

/// <summary>Each objective's score, under the country's own weights, of the same change (the <c>welfare</c> score is the welfare objective's, ΔW plus any partner premium).</summary>
public sealed record ObjectiveMeasures(
    double Mercantilist,
    double Welfare,
    double Political);

/// <summary>
/// National welfare change ΔW (<see cref="Total"/>, written first) and its parts: consumer surplus and
/// tariff revenue in the country's markets, its producers' surplus. A quota rent is in the part of
/// whoever holds it: the importer's tariff revenue, or the exporter's producers' surplus.
/// </summary>
public sealed record WelfareAccount(
    double Total,
    double ConsumerSurplus,
    double TariffRevenue,
    double ProducerSurplus);

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
