using Simulation.Model.Negotiation;

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
    public static StrategySpec Default => Presets["linear"];

    /// <summary>The presets a scenario may name instead of a map, in the order they are documented.</summary>
    public static IReadOnlyDictionary<string, StrategySpec> Presets { get; } = new Dictionary<string, StrategySpec>(StringComparer.Ordinal)
    {
        ["boulware"] = TimeDependent(0.2) with { Preset = "boulware" },
        ["linear"] = TimeDependent(1) with { Preset = "linear" },
        ["conceder"] = TimeDependent(2) with { Preset = "conceder" },
        ["hardliner"] = TimeDependent(0) with { Preset = "hardliner" },
        ["tit-for-tat"] = Of(TitForTatBidding.Name) with { Preset = "tit-for-tat" },
        ["backward-induction"] = Of(BackwardInductionBidding.Name) with { Preset = "backward-induction" },
        ["random"] = Of(RandomBidding.Name) with { Preset = "random" },
    }.AsReadOnly();

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
