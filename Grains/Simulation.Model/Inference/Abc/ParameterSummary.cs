namespace Simulation.Model.Inference;

/// <summary>
/// One parameter of a posterior (DESIGN §9): for a number its weighted mean and 5/50/95% quantiles,
/// for a choice the probability of each option; and, when the episodes did not narrow it,
/// <see cref="NotIdentified"/> saying so.
/// </summary>
public sealed record ParameterSummary(
    string Path,
    double? Mean,
    double? Q05,
    double? Q50,
    double? Q95,
    IReadOnlyDictionary<string, double>? Probabilities,
    string? NotIdentified);
