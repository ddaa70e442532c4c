using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>when: {...}</c>: a condition on the run's state (DESIGN §5.1), one kind per file, each knowing
/// how it is read (<see cref="Conditions"/> finds it by its leading key), how it says itself and how
/// it is checked. The run engine checks every pending condition after each round's agreements are
/// applied; the event fires once, at the start of the next round, when it first holds.
/// </summary>
public abstract record ConditionTrigger : EventTrigger
{
    private protected ConditionTrigger()
    {
    }

    /// <summary>The condition in words, as written: <c>tariff USA←CAN steel above 25</c>.</summary>
    public abstract string Text { get; }

    /// <summary>
    /// Whether the event names what triggered it in the outcome and the trace (<see cref="Reporting.EventOutcome.When"/>);
    /// false for the conditions that outcomes did not name before conditions on agreements and on the
    /// world existed, so that their runs stay byte-identical.
    /// </summary>
    internal virtual bool IsNamedInOutcome => true;

    /// <summary>
    /// Checks the condition against the run as it stands after a round's agreements; null when it does
    /// not hold, what held (with the number observed) when it does.
    /// </summary>
    internal abstract string? Check(IRunConditions run);
}
