using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A country's seat at one negotiation, for the world as it stands: its preferences over the
/// agenda, its strategy, and its model of the opponent. The opponent model is the `economic` one
/// (DESIGN §4.4): the opponent's gains under the public market model and its declared objective,
/// with its lobby weights unknown (λ = 0), since who is organised and how much they weigh with
/// a government is not public.
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
        var opponent = scenario.Country(negotiation.Parties.Single(p => p != party));
        var values = agenda.ValuesFor([scenario.Country(party), OpponentAsSeen(opponent)], world, model);
        var (self, opponentModel) = (values[0], values[1]);
        var strategy = negotiation.Strategies.GetValueOrDefault(party) ?? scenario.Country(party).Strategy;
        var preferences = agenda.InUtilityUnits ? NegotiatorPreferences.InUtility(self) : new NegotiatorPreferences(self);
        var negotiator = new TimeDependentNegotiator(party, preferences, opponentModel, new ConcessionCurve(strategy.E, strategy.K), agenda.Space);
        return new NegotiationSeat(party, agenda, strategy, preferences, negotiator);
    }

    /// <summary>The opponent as the public economic model sees it: its objective and partner weights, but λ = 0 in every sector (DESIGN §4.4).</summary>
    public static Country OpponentAsSeen(Country opponent)
    {
        ArgumentNullException.ThrowIfNull(opponent);
        return opponent with { LobbyWeights = IdMap<double>.Empty };
    }
}
