namespace Simulation.Model.Inference;

/// <summary>
/// A negotiation that happened (DESIGN §9): the scenario of the world before it
/// (<see cref="ScenarioFile"/>, resolved against the episode file's folder), the negotiation's id,
/// what was observed, when it became known and where it was reported. <see cref="Seed"/> is the seed
/// a simulation of the episode runs with: the episode's own <c>seed:</c>, else its scenario's, so a
/// run at the true parameters reproduces an episode made by <c>tradesim run</c> of that scenario.
/// <see cref="Warnings"/> says which observed values were off the table's grid and the level each
/// was taken as.
/// </summary>
public sealed record Episode(
    string Id,
    string ScenarioFile,
    string Negotiation,
    DateOnly Known,
    string Source,
    long Seed,
    string? Note,
    ObservedOutcome Observed,
    NegotiationIssues Issues)
{
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
