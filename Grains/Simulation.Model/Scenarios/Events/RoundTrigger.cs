namespace Simulation.Model.Scenarios.Events;

/// <summary><c>round: N</c>: the event fires when round <paramref name="Round"/> (1 or more) begins.</summary>
public sealed record RoundTrigger(int Round) : EventTrigger;
