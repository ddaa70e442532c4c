namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// Everything a country grain needs to join a run. The scenario travels as text and each grain
/// rebuilds the world from it, so no domain type crosses the wire and any silo can host the grain.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.CountryBrief")]
public sealed record CountryBrief(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Country,
    [property: Id(2)] string ScenarioText,
    [property: Id(3)] string ScenarioFile,
    [property: Id(4)] long Seed,
    [property: Id(5)] IReadOnlyList<TariffSetting> TariffChangesSoFar)
{
    /// <summary>The tariff-rate quotas agreed so far, in the order they were applied.</summary>
    [Id(6)]
    public IReadOnlyList<QuotaSetting> QuotaChangesSoFar { get; init; } = [];
}
