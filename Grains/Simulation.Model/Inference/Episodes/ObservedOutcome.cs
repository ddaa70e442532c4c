using Simulation.Model.Negotiation;

namespace Simulation.Model.Inference;

/// <summary>
/// What a negotiation was observed to end at (DESIGN §9): its status and, per issue of its table
/// (in <see cref="NegotiationIssues.Issues"/>' order), the level it ended at. A negotiation that did
/// not agree ends every issue at the status quo, level 0. An agreed issue the episode does not
/// give is not observed (null): it counts in no distance or score.
/// </summary>
public sealed record ObservedOutcome(NegotiationStatus Status, IReadOnlyList<int?> Levels)
{
    public bool Agreed => Status == NegotiationStatus.Agreed;
}
