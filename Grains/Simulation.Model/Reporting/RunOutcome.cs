namespace Simulation.Model.Reporting;

/// <summary>
/// The outcome of a run (DESIGN §6.2). Everything but <see cref="Timings"/> is a function of the
/// scenario and the seed alone; timings are added by whoever measured them and kept in one block.
/// </summary>
public sealed record RunOutcome(
    ScenarioInfo Scenario,
    long Seed,
    string Model,
    int RoundsPlayed,
    IReadOnlyList<NegotiationOutcome> Negotiations,
    IReadOnlyList<CountryOutcome> Countries,
    IReadOnlyList<EventOutcome> Events,
    IReadOnlyList<string> Warnings,
    RunTimings? Timings = null);
