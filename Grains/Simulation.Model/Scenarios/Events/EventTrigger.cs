namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// When a scenario event fires (DESIGN §5.1): at the start of a round (<see cref="RoundTrigger"/>) or
/// when a negotiation reaches a status (<see cref="StatusTrigger"/>). A closed set: the run engine
/// handles each kind.
/// </summary>
public abstract record EventTrigger
{
    private protected EventTrigger()
    {
    }
}
