namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// When a scenario event fires (DESIGN §5.1): at the start of a round (<see cref="RoundTrigger"/>) or
/// at the start of the round after a condition first holds (<see cref="ConditionTrigger"/>). A closed
/// set: the run engine handles each kind.
/// </summary>
public abstract record EventTrigger
{
    private protected EventTrigger()
    {
    }
}
