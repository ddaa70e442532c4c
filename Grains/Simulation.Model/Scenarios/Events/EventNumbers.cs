namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// How the host that narrates an event writes its numbers (the CLI rounds them for a person to read):
/// a tariff in percent, a lobby or partner weight.
/// </summary>
public sealed record EventNumbers(Func<double, string> Tariff, Func<double, string> Weight);
