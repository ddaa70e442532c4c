using Simulation.Model.Registries;

namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// What a government maximises, as a change from the base data in the scenario's unit
/// (DESIGN §3.3). Differences of this value between two worlds are what a negotiator gains. An
/// objective is the entry of <see cref="GovernmentObjectives"/> a country holds; its name is what outcomes write.
/// </summary>
public interface IObjective : IRegistryEntry
{
    double Value(CountryMeasures measures);
}
