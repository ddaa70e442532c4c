using Simulation.Model.Negotiation;
using Simulation.Model.Registries;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A negotiating strategy as written in a scenario, composed as in the BOA architecture
/// (Baarslag et al. 2014; DESIGN §2, §4.4): a bidding strategy with its parameters, an acceptance
/// condition with its parameters, and an opponent model, each named in its registry
/// (<see cref="BiddingStrategies"/>, <see cref="AcceptanceConditions"/>, <see cref="OpponentModels"/>).
/// <see cref="Preset"/> names the preset it came from, if any.
/// </summary>
public sealed record StrategySpec(ComponentSettings Bidding, ComponentSettings Acceptance, string OpponentModel, string? Preset = null)
{
    /// <summary>What a country without a strategy plays (DESIGN §4.4).</summary>
    public static StrategySpec Default => Presets.Default!.Strategy;

    /// <summary>The presets a scenario may name instead of a map, in the order they are documented; linear is the default.</summary>
    public static Registry<StrategyPreset> Presets { get; } = new("strategy preset",
    [
        new("boulware", "time-dependent with e = 0.2: concedes late (Boulware)", TimeDependent(0.2)),
        new("linear", "time-dependent with e = 1: concedes at a constant pace", TimeDependent(1)),
        new("conceder", "time-dependent with e = 2: concedes early", TimeDependent(2)),
        new("hardliner", "time-dependent with e = 0: never concedes", TimeDependent(0)),
        new("tit-for-tat", "concedes as much, relatively, as the opponent last conceded", Of(TitForTatBidding.Name)),
        new("backward-induction", "the subgame-perfect strategy of a two-party alternating-offers game, with its own acceptance", Of(BackwardInductionBidding.Name)),
        new("random", "uniformly random offers worth at least the reservation", Of(RandomBidding.Name)),
    ], "linear");

    /// <summary>A time-dependent strategy with AC_next and the economic opponent model.</summary>
    public static StrategySpec TimeDependent(double e, double k = 0) =>
        new(new ComponentSettings(TimeDependentBidding.Name, [new("e", e), new("k", k)]), DefaultAcceptance, Negotiation.OpponentModels.Default);

    /// <summary>A bidding strategy with its defaults, AC_next (or its own rule) and the economic opponent model.</summary>
    public static StrategySpec Of(string bidding) =>
        new(BiddingStrategies.Registry[bidding].Complete(), DefaultAcceptance, Negotiation.OpponentModels.Default);

    private static ComponentSettings DefaultAcceptance => AcceptanceConditions.Registry[AcceptanceConditions.Default].Complete();

    /// <summary>The table sizes the bidding strategy can play at (backward induction: two parties).</summary>
    public int MaxParties => BiddingStrategies.Registry[Bidding.Type].MaxParties;

    /// <summary>
    /// A short label for tables and JSON: the preset name, or the bidding strategy with its
    /// parameters, followed by the acceptance condition and opponent model where not the defaults.
    /// </summary>
    public string Label
    {
        get
        {
            var label = Preset ?? Bidding.ToString();
            if (Acceptance.Type != AcceptanceConditions.Default && !BiddingStrategies.Registry[Bidding.Type].DecidesAcceptance)
            {
                label += $", acceptance {Acceptance}";
            }

            return OpponentModel != Negotiation.OpponentModels.Default ? $"{label}, opponent model {OpponentModel}" : label;
        }
    }

    /// <summary>A negotiator playing this strategy at a table (the registries make each part).</summary>
    public ComposedNegotiator Compose(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var entry = BiddingStrategies.Registry[Bidding.Type];
        if (view.Opponents.Count + 1 > entry.MaxParties)
        {
            throw new ArgumentException($"{entry.Name} plays at tables of at most {entry.MaxParties} parties, not {view.Opponents.Count + 1}.", nameof(view));
        }

        return new ComposedNegotiator(
            view,
            entry.CreateFrom(Bidding),
            AcceptanceConditions.Registry[Acceptance.Type].CreateFrom(Acceptance),
            Negotiation.OpponentModels.Registry[OpponentModel].CreateFrom(new ComponentSettings(OpponentModel)),
            Label);
    }
}
