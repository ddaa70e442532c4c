using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// What a scenario event can do to a run, as the run engine offers it at the start of a round
/// (DESIGN §5.1): each event type's action (<see cref="Scenarios.Events.EventType"/>) is written
/// with these, and the engine keeps its round clock and its bookkeeping to itself.
/// </summary>
internal interface IEventActions
{
    Scenario Scenario { get; }

    /// <summary>The round at whose start the event fires.</summary>
    int Round { get; }

    /// <summary>A negotiation's status: null while it has not opened, active while it is open, its end status after.</summary>
    NegotiationStatus? StatusOf(string negotiation);

    /// <summary>Opens a negotiation that has not opened, its seats brought to the world and countries of now.</summary>
    Task OpenAsync(string negotiation);

    /// <summary>Ends an open negotiation, terminated; its parties are assessed in the world of this moment.</summary>
    Task TerminateAsync(string negotiation);

    /// <summary>Ends a negotiation that has not opened, terminated with no deal, so that it never opens.</summary>
    Task TerminateUnopenedAsync(string negotiation);

    /// <summary>Sets tariffs as an agreement does: the world changes and the affected seats are repriced.</summary>
    Task SetTariffsAsync(IReadOnlyList<TariffChange> changes);

    /// <summary>
    /// The <paramref name="index"/>-th scenario event changed <paramref name="country"/> (its strategy or
    /// weights): every seat at the country's open negotiations is revised.
    /// </summary>
    Task ReviseCountryAsync(int index, string country);
}
