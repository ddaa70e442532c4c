namespace Simulation.Grains.Abstractions.Countries;

/// <summary>
/// Everything a country grain needs to join a run: the run, the country's code, the scenario by its
/// key in the silo's scenario cache (the SHA-256 of its text; the grain asks the run grain for the
/// text only if its silo has not parsed it), the file it came from (for error messages) and the seed.
/// Ids of fields that carried something else once (the text itself, the changes so far) are not reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.CountryBrief")]
public sealed record CountryBrief(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Country,
    [property: Id(7)] string ScenarioKey,
    [property: Id(3)] string ScenarioFile,
    [property: Id(4)] long Seed);
