using Simulation.Model.Experiments;

namespace Simulation.Model.Inference;

/// <summary>One line of a priors file: a scenario path, its prior, and where it was written.</summary>
public sealed record ParameterPrior(ScenarioPath Path, Prior Prior, InputOrigin Origin);
