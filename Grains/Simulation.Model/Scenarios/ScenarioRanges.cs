namespace Simulation.Model.Scenarios;

/// <summary>
/// The range of every number a scenario holds (DESIGN §6.1), checked by the loader and stated in
/// scenarios/schema.json. Each is wide enough for any published value and narrow enough that the
/// market models stay inside double precision: with elasticities up to 100 and tariffs up to
/// 10,000%, a price ratio raised to an elasticity is at most 101^100 ≈ 3e200, and times a value
/// of 1e9 it is still far below the largest double (1.8e308), so ces and smart never overflow.
/// gsim solves for prices: with published elasticities it always clears, and at the extreme
/// corners (σ or ε = 100 against a 10,000% change with supply elasticity 0.1, where the clearing
/// price can be e^−4500) it reports that it found no equilibrium. Property tests run these corners.
/// </summary>
public static class ScenarioRanges
{
    /// <summary>
    /// Largest import-demand, substitution or export-supply elasticity. Published estimates are well
    /// below: GTAP's Armington elasticities (Hertel et al. 2007) reach about 34, tariff-line import-demand
    /// elasticities (Kee, Nicita &amp; Olarreaga 2008) are mostly below 10. Supply above 100 is infinite
    /// for every practical purpose (WITS takes 99 as infinite): write <c>infinite</c>.
    /// </summary>
    public const double MaxElasticity = 100;

    /// <summary>
    /// Highest tariff, in percent. Ad-valorem equivalents of the highest tariffs in force are in the
    /// low thousands of percent; 10,000% makes a good 101 times dearer.
    /// </summary>
    public const double MaxTariffPercent = 10_000;

    /// <summary>
    /// Smallest positive trade or domestic value, in the scenario's unit (one dollar when values are in
    /// USD millions); 0 means no trade. With <see cref="MaxValue"/> it keeps the ratio of any two
    /// positive values within 1e15, inside double precision (2^52 ≈ 4.5e15), so a change in the smallest
    /// flow still registers in a sum holding the largest.
    /// </summary>
    public const double MinPositiveValue = 1e-6;

    /// <summary>
    /// Largest trade or domestic value, in the scenario's unit: 1e9 USD millions is ten times world GDP,
    /// and 1e9 USD thousands (the unit of UN Comtrade and WITS) more than any bilateral sector flow. A
    /// value's rounding unit is then at most 1.2e-7 of the unit, so gsim's clearing tolerance (1e-10 of
    /// a supplier's sales, 0.1 unit at 1e9), not rounding, limits the precision, and the cents the tables
    /// print stay meaningful; beside a value of 1e300, a whole flow of a few hundred vanishes from a sum.
    /// </summary>
    public const double MaxValue = 1e9;

    /// <summary>
    /// Largest lobby weight λ: a dollar of the sector's producer surplus then counts 101 times. Estimates
    /// of Grossman &amp; Helpman's model imply weights on organised producers far smaller (Goldberg &amp;
    /// Maggi 1999; Gawande &amp; Bandyopadhyay 2000).
    /// </summary>
    public const double MaxLobbyWeight = 100;

    /// <summary>Largest partner weight ω: exports to one partner then count a hundred times the default.</summary>
    public const double MaxPartnerWeight = 100;

    /// <summary>
    /// Largest concession exponent e of a time-dependent strategy. The presets use 0.2 (boulware) to 2
    /// (conceder); at e = 100 a negotiator concedes 95% of the way on its first turn of a 60-round
    /// deadline (F = t^(1/e) with t = 1/120), so larger values mean nothing new.
    /// </summary>
    public const double MaxConcessionExponent = 100;

    /// <summary>
    /// Largest magnitude of a party's number for a value of a discrete issue: in money units it is a
    /// gain or loss in the scenario's unit, bounded like trade values (<see cref="MaxValue"/>); in
    /// <c>units: utility</c> it is a utility (GENIUS's lie in [0, 1]), for which the bound is no constraint.
    /// </summary>
    public const double MaxDiscreteValue = MaxValue;

    internal static NumberRange Elasticity { get; } = new(0, MaxElasticity, MinExclusive: true, Text: "a number > 0 and ≤ 100",
        AboveMax: "elasticities in published work are well below 100");

    internal static NumberRange SupplyElasticity { get; } = Elasticity with
    {
        Text = $"a number > 0 and ≤ 100, or '{SectorReader.InfiniteWord}'",
        AboveMax = $"supply this elastic is infinite for every practical purpose: write '{SectorReader.InfiniteWord}'",
    };

    internal static NumberRange TariffPercent { get; } = new(0, MaxTariffPercent, Text: "a number from 0 to 10000 (percent)",
        AboveMax: "the highest tariffs in force are in the low thousands of percent");

    internal static NumberRange Value { get; } = new(MinPositiveValue, MaxValue, ZeroAllowed: true, Text: "0 or a number from 1e-6 to 1e9",
        AboveMax: "values are in the scenario's units: give larger flows in a larger unit, such as millions",
        BelowMin: "use 0 for no trade, or a smaller unit");

    internal static NumberRange LobbyWeight { get; } = new(0, MaxLobbyWeight, Text: "a number from 0 to 100",
        AboveMax: "producers' surplus would count more than a hundred times consumers'");

    internal static NumberRange PartnerWeight { get; } = new(0, MaxPartnerWeight, Text: "a number from 0 to 100",
        AboveMax: "exports to this partner would count more than a hundred times the default");

    internal static NumberRange ConcessionExponent { get; } = new(0, MaxConcessionExponent, Text: "a number from 0 to 100",
        AboveMax: "at e = 100 a negotiator already concedes almost everything on its first turn");

    internal static NumberRange DiscreteValue { get; } = new(-MaxDiscreteValue, MaxDiscreteValue, Text: "a number from -1e9 to 1e9",
        AboveMax: "values are in the scenario's units: give large ones in a larger unit");

    /// <summary>A reservation utility r set directly (DESIGN §4.2): a utility, in [0, 1].</summary>
    internal static NumberRange Reservation { get; } = new(0, 1, Text: "a utility from 0 to 1");

    /// <summary>A per-offer discount factor δ (DESIGN §4.2): 0 would make every later agreement worthless, above 1 a premium on delay.</summary>
    internal static NumberRange Discount { get; } = new(0, 1, MinExclusive: true, Text: "a number > 0 and ≤ 1 (1: no discounting)");

    /// <summary>The most an outcome can be worth to a party in a utility scenario (GENIUS caps at 1); within the numbers' own ±1e9.</summary>
    internal static NumberRange UtilityCap { get; } = new(0, 1e9, MinExclusive: true, Text: "a utility > 0");

    /// <summary>
    /// A relative change of a trade value from the base (a <c>when:</c> on exports, DESIGN §5.1): a value
    /// cannot fall by more than all of it (−1); 100 (a hundredfold rise) is far beyond any tariff's effect.
    /// </summary>
    internal static NumberRange ExportChange { get; } = new(-1, 100, Text: "a relative change from -1 to 100 (a fraction: -0.05 is a fall of 5%)",
        AboveMax: "a change is a fraction of the base value, not a percent");
}
