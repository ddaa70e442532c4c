namespace Simulation.Model.Scenarios;

/// <summary>
/// A number the scenario marks as an estimate, with the range a researcher believes it lies in:
/// <c>estimate: { value: { low: 20, high: 80 } }</c> beside <c>value: 40</c>. <see cref="Path"/>
/// addresses the number in the document as errors and batch variants do
/// (<c>trade[3].value</c>, <c>sectors.beef.demand_elasticity</c>), so a sensitivity analysis can
/// draw it over [<see cref="Low"/>, <see cref="High"/>].
/// </summary>
public sealed record Estimate(string Path, double Value, double Low, double High);
