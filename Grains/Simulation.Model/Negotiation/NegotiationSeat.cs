using System.Globalization;
using Simulation.Model.Determinism;
using Simulation.Model.Economics;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A country's seat at one negotiation, for the world as it stands: its preferences over the
/// agenda, its strategy, and the negotiator composed from it (DESIGN §2, §4.4). The negotiator sees
/// every other party as the public economic model does (its objective and partner weights, with
/// its lobby weights unknown: λ = 0, since who is organised and how much they weigh with a
/// government is not public) and, for complete-information strategies, as it truly is.
/// </summary>
/// <remarks>
/// Reservations and discounts (DESIGN §4.2): r = the negotiation's <c>reservations</c> for the
/// party, else the country's <c>reservation</c>, else derived from the values;
/// δ = the negotiation's <c>discounts</c>, else the country's <c>discount</c>, else 1.
/// When the world changes the seat is <see cref="Reprice">repriced</see>: the same negotiator keeps
/// its history and opponent model, and only the sectors whose tariffs changed are solved again.
/// </remarks>
public sealed class NegotiationSeat
{
    private readonly IMarketModel _model;
    private Scenario _scenario;
    private IReadOnlyList<Country> _valued;
    private IReadOnlyList<AdditiveValueFunction> _values;

    private NegotiationSeat(Scenario scenario, TariffAgenda agenda, string party, StrategySpec strategy, IMarketModel model, World world)
    {
        _scenario = scenario;
        _model = model;
        Party = party;
        Agenda = agenda;
        Strategy = strategy;
        World = world;
        Others = [.. agenda.Spec.Parties.Where(p => p != party)];
        // Valued together, so each sector is solved once per combination: the party itself, then
        // each other party as the public model sees it and as it truly is.
        _valued = Valued(scenario);
        _values = agenda.ValuesFor(_valued, world, model);
        var view = ViewOf(_values);
        Negotiator = strategy.Compose(view);
    }

    public string Party { get; }

    public TariffAgenda Agenda { get; }

    public StrategySpec Strategy { get; private set; }

    /// <summary>The other parties, in the negotiation's order.</summary>
    public IReadOnlyList<string> Others { get; }

    /// <summary>The world the seat is priced in.</summary>
    public World World { get; private set; }

    public NegotiatorPreferences Preferences => Negotiator.Preferences;

    /// <summary>δ of this party at this negotiation.</summary>
    public double Discount => Negotiator.View.Discount;

    public ComposedNegotiator Negotiator { get; private set; }

    public static NegotiationSeat Take(Scenario scenario, NegotiationSpec negotiation, string party, World world, IMarketModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiation);
        ArgumentNullException.ThrowIfNull(world);
        return new NegotiationSeat(scenario, TariffAgenda.For(negotiation, scenario.Blocks), party, StrategyOf(scenario, negotiation, party), model ?? scenario.Model, world);
    }

    /// <summary>The party's strategy at a negotiation: the negotiation's override, else the country's.</summary>
    public static StrategySpec StrategyOf(Scenario scenario, NegotiationSpec negotiation, string party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(negotiation);
        return negotiation.Strategies.GetValueOrDefault(party) ?? scenario.Country(party).Strategy;
    }

    /// <summary>r set directly for a party at a negotiation (DESIGN §4.2), or null to derive it.</summary>
    public static double? ReservationOf(Scenario scenario, NegotiationSpec negotiation, string party) =>
        negotiation.Reservations.TryGetValue(party, out var r) ? r : scenario.Country(party).Reservation;

    /// <summary>δ of a party at a negotiation (DESIGN §4.2): the negotiation's, the country's, or 1.</summary>
    public static double DiscountOf(Scenario scenario, NegotiationSpec negotiation, string party) =>
        negotiation.Discounts.TryGetValue(party, out var d) ? d : scenario.Country(party).Discount ?? 1;

    /// <summary>The opponent as the public economic model sees it: its objective and partner weights, but λ = 0 in every sector (DESIGN §4.4).</summary>
    public static Country OpponentAsSeen(Country opponent)
    {
        ArgumentNullException.ThrowIfNull(opponent);
        return opponent with { LobbyWeights = IdMap<double>.Empty };
    }

    /// <summary>
    /// The party's move at a turn, drawn with a generator seeded by (run seed, negotiation, party,
    /// turns taken). A fresh generator per turn: the same scenario and seed make the same choices
    /// wherever and however often a party is asked, in this process or in a country grain. It is
    /// made only if the negotiator draws (<see cref="DeferredRandom"/>).
    /// </summary>
    public NegotiationAction Decide(long seed, TurnContext turn)
    {
        ArgumentNullException.ThrowIfNull(turn);
        var id = Agenda.Spec.Id;
        var party = Party;
        var taken = turn.TurnsTaken;
        var random = new DeferredRandom(() => SeededRandom.For(seed, id, party, taken.ToString(CultureInfo.InvariantCulture)));
        return Negotiator.Decide(turn, random);
    }

    /// <summary>
    /// What an agreement is worth here: utility discounted by the turn of the agreed offer,
    /// u·δ^(m−1) (DESIGN §4.2); the gain, in money, is not: it is what the deal does to the economy
    /// once in force, whenever it was agreed. No deal: the reservation, and gain 0.
    /// </summary>
    public SeatAssessment Assess(Outcome? agreement, int? offerTurn)
    {
        var preferences = Preferences;
        if (agreement is null)
        {
            return new SeatAssessment(preferences.Reservation, preferences.Reservation, 0);
        }

        var utility = NegotiationView.Discounted(preferences.Utility(agreement), Discount, offerTurn ?? 1);
        return new SeatAssessment(utility, preferences.Reservation, preferences.Value(agreement));
    }

    /// <summary>The party's undiscounted utility of each outcome, in the world the seat is priced in.</summary>
    public IReadOnlyList<double> Utilities(IReadOnlyList<Outcome> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var preferences = Preferences;
        var utilities = new double[outcomes.Count];
        for (var i = 0; i < utilities.Length; i++)
        {
            utilities[i] = preferences.Utility(outcomes[i]);
        }

        return utilities;
    }

    /// <summary>
    /// The world changed: values are recomputed for the sectors whose tariffs differ between the
    /// seat's world and <paramref name="world"/> (others keep their tables), and the same
    /// negotiator is repriced, keeping what it has seen and learnt. Returns the sectors solved again.
    /// </summary>
    public IReadOnlyList<string> Reprice(World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var before = World;
        // A discrete issue's values come from the file, not the world: only sectors are repriced.
        // A linked block's group is solved again when any sector of the block changed.
        var changed = Agenda.Space.Groups
            .Where(g => Agenda.Spec.Issues[g.Issues[0]] is not DiscreteIssueSpec && Agenda.SectorsOf(g).Any(sector => TariffsDiffer(before, world, sector)))
            .Select(g => g.Key)
            .ToList();
        World = world;
        if (changed.Count == 0)
        {
            return changed;
        }

        _values = Agenda.ValuesFor(_valued, world, _model, _values, group => changed.Contains(group.Key, StringComparer.Ordinal));
        Negotiator.Reprice(ViewOf(_values));
        return changed;
    }

    /// <summary>
    /// A country changed (<c>set-weights</c>, <c>set-strategy</c>: DESIGN §5.1): the seat is priced
    /// again in <paramref name="world"/> with the countries of <paramref name="scenario"/> (its own
    /// objective, and each other party as the public model sees it, λ = 0, and as it truly is).
    /// Under the same strategy the negotiator is repriced and keeps what it has learnt; under a new
    /// strategy a new negotiator is composed from its spec, and nothing of the old one's opponent
    /// model or concession path carries over: only the negotiation's own history, which every
    /// negotiator reads from the protocol at its turn, is common to both.
    /// </summary>
    public void Revise(Scenario scenario, World world)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(world);
        _scenario = scenario;
        World = world;
        _valued = Valued(scenario);
        _values = Agenda.ValuesFor(_valued, world, _model);
        var view = ViewOf(_values);
        var strategy = StrategyOf(scenario, scenario.Negotiation(Agenda.Spec.Id), Party);
        // A revision keeps untouched strategy objects, so a different object is a new strategy.
        if (ReferenceEquals(strategy, Strategy))
        {
            Negotiator.Reprice(view);
        }
        else
        {
            Strategy = strategy;
            Negotiator = strategy.Compose(view);
        }
    }

    private IReadOnlyList<Country> Valued(Scenario scenario) =>
        [scenario.Country(Party), .. Others.SelectMany(o => new[] { OpponentAsSeen(scenario.Country(o)), scenario.Country(o) })];

    private NegotiationView ViewOf(IReadOnlyList<AdditiveValueFunction> values)
    {
        var spec = Agenda.Spec;
        var self = PreferencesOf(values[0], ReservationOf(_scenario, spec, Party), _scenario.Country(Party).UtilityCap);
        var opponents = Others.Select((other, i) => new OpponentView(
            other,
            values[1 + 2 * i],
            PreferencesOf(values[2 + 2 * i], ReservationOf(_scenario, spec, other), _scenario.Country(other).UtilityCap),
            DiscountOf(_scenario, spec, other))).ToList();
        return new NegotiationView(Party, self, DiscountOf(_scenario, spec, Party), opponents);
    }

    /// <summary>Normalised utilities, or in a utility scenario the numbers themselves (DESIGN §4.2).</summary>
    private NegotiatorPreferences PreferencesOf(AdditiveValueFunction values, double? reservation, double? cap) =>
        Agenda.InUtilityUnits ? NegotiatorPreferences.InUtility(values, reservation, cap) : new NegotiatorPreferences(values, reservation);

    /// <summary>Whether any import tariff or tariff-rate quota of <paramref name="sector"/> differs between two worlds.</summary>
    private static bool TariffsDiffer(World before, World after, string sector)
    {
        foreach (var market in after.MarketsOf(sector).Markets)
        {
            foreach (var supplier in market.Suppliers)
            {
                var line = new TariffLine(market.Key.Importer, supplier.Exporter, sector);
                if (after.Trades(line) && (after.TariffOf(line) != before.TariffOf(line) || after.QuotaOf(line) != before.QuotaOf(line)))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
