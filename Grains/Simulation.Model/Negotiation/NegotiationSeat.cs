using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A country's seat at one negotiation, for the world as it stands: its preferences over the
/// agenda, its strategy, and its model of the opponent. The opponent model is the `economic` one
/// (DESIGN §4.4): the opponent's gains under the public market model and its declared objective.
/// </summary>
public sealed class NegotiationSeat
{
    private NegotiationSeat(string party, TariffAgenda agenda, StrategySpec strategy, NegotiatorPreferences preferences, TimeDependentNegotiator negotiator)
    {
        Party = party;
        Agenda = agenda;
        Strategy = strategy;
        Preferences = preferences;
        Negotiator = negotiator;
    }

    public string Party { get; }

    public TariffAgenda Agenda { get; }

    public StrategySpec Strategy { get; }

    public NegotiatorPreferences Preferences { get; }

    public TimeDependentNegotiator Negotiator { get; }

    public static NegotiationSeat Take(Scenario scenario, NegotiationSpec negotiation, string party, World world)
    {
        var agenda = TariffAgenda.For(negotiation);
        var model = MarketModels.For(scenario.Model);
        var self = agenda.ValuesFor(party, world, model, GovernmentObjectives.For(scenario.Country(party).Objective));
        var opponent = negotiation.Parties.Single(p => p != party);
        var opponentModel = agenda.ValuesFor(opponent, world, model, GovernmentObjectives.For(scenario.Country(opponent).Objective));
        var strategy = negotiation.Strategies.GetValueOrDefault(party) ?? scenario.Country(party).Strategy;
        var preferences = new NegotiatorPreferences(self);
        var negotiator = new TimeDependentNegotiator(party, preferences, opponentModel, new ConcessionCurve(strategy.E, strategy.K), agenda.Space);
        return new NegotiationSeat(party, agenda, strategy, preferences, negotiator);
    }
}
