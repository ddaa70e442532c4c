using Simulation.Model.Economics;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Runs;

/// <summary>
/// What a <c>when:</c> condition (<see cref="Scenarios.Events.ConditionTrigger"/>) reads of a run, as it
/// stands after a round's agreements and events are applied (DESIGN §5.1).
/// </summary>
internal interface IRunConditions
{
    /// <summary>A negotiation's status: null while it has not opened, active while it is open, its end status after.</summary>
    NegotiationStatus? StatusOf(string negotiation);

    /// <summary>What an agreed negotiation's agreement stands for, issue by issue; null when it has not agreed.</summary>
    IReadOnlyList<IssueDescription>? AgreementOf(string negotiation);

    /// <summary>The base world with every agreement and event applied so far.</summary>
    World World { get; }

    /// <summary><see cref="World"/> solved by the scenario's market model, sector by sector.</summary>
    IReadOnlyList<SectorSolution> Solution { get; }
}
