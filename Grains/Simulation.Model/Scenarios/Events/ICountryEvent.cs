namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// An event that changes a country (a change of government: its strategy, its weights). Its
/// negotiators are revised, not rebuilt: they keep their history and opponent models (DESIGN §2).
/// </summary>
public interface ICountryEvent
{
    string Country { get; }

    /// <summary>The scenario with this event's change made to the country.</summary>
    Scenario Revise(Scenario scenario);
}
