using System.Text.Json.Serialization;

namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// A country at the end of a run (or after an evaluated change), relative to the base data
/// (DESIGN §6.2): the value of its own objective, the value all three objectives would give, the
/// change in its exports and imports, its welfare breakdown, and its exports by partner before
/// and after. Values at world prices, in the scenario's unit.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.CountryOutcome")]
public sealed record CountryOutcome(
    [property: Id(0)] string Id,
    [property: Id(1)] ObjectiveValue Objective,
    [property: Id(2)] ObjectiveMeasures Measures,
    [property: Id(3)] double ExportsChange,
    [property: Id(4)] double ImportsChange,
    [property: Id(5)] WelfareAccount Welfare,
    [property: Id(6)] ExportsByPartner Exports);

/// <summary>The country's objective (DESIGN §3.3) and its value.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.ObjectiveValue")]
public sealed record ObjectiveValue(
    [property: Id(0)] string Kind,
    [property: Id(1)] double Value);

/// <summary>What each of the three objectives, under the country's own weights, makes of the same change.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.ObjectiveMeasures")]
public sealed record ObjectiveMeasures(
    [property: Id(0)] double Mercantilist,
    [property: Id(1)] double Welfare,
    [property: Id(2)] double Political);

/// <summary>National welfare change: consumer surplus and tariff revenue in its markets, its producers' surplus.</summary>
[GenerateSerializer, Immutable, Alias("tradesim.WelfareAccount")]
public sealed record WelfareAccount(
    [property: Id(0)] double ConsumerSurplus,
    [property: Id(1)] double TariffRevenue,
    [property: Id(2)] double ProducerSurplus,
    [property: Id(3)] double Total);

/// <summary>
/// The country's exports to each partner in the base data (before) and in the final world (after),
/// at world prices; each partner's share of the total; and the partner taking the largest share,
/// before and after. A country without exports has empty shares and no largest partner (null).
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.ExportsByPartner")]
public sealed record ExportsByPartner(
    [property: Id(0)] IReadOnlyDictionary<string, double> Before,
    [property: Id(1)] IReadOnlyDictionary<string, double> After,
    [property: Id(2)] IReadOnlyDictionary<string, double> ShareBefore,
    [property: Id(3)] IReadOnlyDictionary<string, double> ShareAfter,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] LargestPartner? LargestBefore,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] LargestPartner? LargestAfter);

/// <summary>The partner taking the largest share of a country's exports, and that share (0 to 1).</summary>
[GenerateSerializer, Immutable, Alias("tradesim.LargestPartner")]
public sealed record LargestPartner(
    [property: Id(0)] string Partner,
    [property: Id(1)] double Share);
