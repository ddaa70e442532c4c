namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// What a government maximises, as a change from the base data in the scenario's unit
/// (DESIGN §3.3). Differences of this value between two worlds are what a negotiator gains.
/// </summary>
public interface IObjective
{
    double Value(CountryMeasures measures);
}
