namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// The outcome of a run (DESIGN §6.2). Everything but <see cref="Timings"/> is a function of the
/// scenario and the seed alone; timings are added by whoever measured them and kept in one block.
/// </summary>
[GenerateSerializer, Immutable, Alias("tradesim.RunOutcome")]
public sealed record RunOutcome(
    [property: Id(0)] ScenarioInfo Scenario,
    [property: Id(1)] long Seed,
    [property: Id(2)] string Model,
    [property: Id(3)] int RoundsPlayed,
    [property: Id(4)] IReadOnlyList<NegotiationOutcome> Negotiations,
    [property: Id(5)] IReadOnlyList<CountryOutcome> Countries,
    [property: Id(8)] IReadOnlyList<EventOutcome> Events,
    [property: Id(6)] IReadOnlyList<string> Warnings,
    [property: Id(7)] RunTimings? Timings = null);
