using Simulation.Model.Economics;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Runs;

/// <summary>
/// A scenario event as the run applied it (DESIGN §6.2 <c>events[]</c>): the run round at whose
/// start it fired, the event, and the tariff changes it made (a <c>set-tariff</c>; empty otherwise).
/// </summary>
public sealed record AppliedEvent(int Round, ScenarioEvent Event, IReadOnlyList<TariffChange> TariffChanges)
{
    /// <summary>What held when a <c>when:</c> condition fired it, in words with the number observed; null otherwise (<see cref="ConditionTrigger.IsNamedInOutcome"/>).</summary>
    public string? When { get; init; }
}
