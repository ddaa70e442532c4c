using Simulation.Model.Registries;

namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// What a government maximises, as a change from the base data in the scenario's unit
/// (DESIGN §3.3). Differences of this value between two worlds are what a negotiator gains. An
/// objective is the entry of <see cref="GovernmentObjectives"/> a country holds; its name is what outcomes write.
/// </summary>
public interface IObjective : IRegistryEntry
{
    /// <summary>
    /// What every output calls this objective's value ("mercantilist score"): named apart from national
    /// welfare ΔW, which outputs lead with whatever the objective (DESIGN §3.3), so that nobody reads a
    /// negotiator's score as welfare.
    /// </summary>
    string ScoreName { get; }

    double Value(CountryMeasures measures);
}
