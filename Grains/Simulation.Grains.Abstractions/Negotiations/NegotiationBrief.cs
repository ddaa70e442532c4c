namespace Simulation.Grains.Abstractions.Negotiations;

/// <summary>
/// What a negotiation grain needs to open: its run and id, the scenario by its key in the silo's
/// scenario cache (as in <see cref="Countries.CountryBrief"/>), from which it reads the negotiation's
/// protocol, parties and agenda, the file it came from (for error messages) and the run seed.
/// Ids of fields that carried something else once (the protocol, the parties, the text) are not reused.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.NegotiationBrief")]
public sealed record NegotiationBrief(
    [property: Id(0)] string RunId,
    [property: Id(1)] string NegotiationId,
    [property: Id(10)] string ScenarioKey,
    [property: Id(9)] string ScenarioFile,
    [property: Id(7)] long Seed);
