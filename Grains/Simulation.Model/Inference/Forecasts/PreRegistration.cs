namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// What pins a forecast down before the outcome is known (DESIGN §9): the SHA-256 of the scenario
/// file's bytes and of the posterior's <c>samples.csv</c>, the seed its draws came from, and the date
/// of the latest episode the posterior learned from. Anyone with the same files and seed makes the
/// same forecast, and a forecast dated before what it forecasts cannot have learned from it.
/// </summary>
public sealed record PreRegistration(string ScenarioSha256, string PosteriorSha256, long Seed, DateOnly LearnedUntil);
