using System.Globalization;

namespace Simulation.Model.Gravity;

/// <summary>
/// The numbers <see cref="GeneralEquilibriumGravity"/> accepts. The hat algebra multiplies shares by
/// e^β, raises wages and price terms to powers of θ and takes logarithms of flows, so each bound is
/// chosen beyond what published work uses and well inside what double precision carries through
/// those steps (a test solves the corners of these ranges to finite numbers).
/// </summary>
public static class GravityInputRanges
{
    /// <summary>
    /// Smallest positive flow, in the file's unit; 0 means no trade. Smaller numbers are noise in any
    /// unit (a millionth of a cent when flows are in USD millions), and a subnormal such as 1e-320
    /// has lost its digits and underflows to 0 once shifted by e^β, so its log change is infinite.
    /// </summary>
    public const double MinPositiveTrade = 1e-12;

    /// <summary>
    /// Largest flow, in the file's unit: 1e18 is ten thousand times world GDP in US dollars, so any
    /// flow fits in any unit from dollars up, and sums of millions of flows stay finite.
    /// </summary>
    public const double MaxTrade = 1e18;

    /// <summary>
    /// Largest |β|. e^β multiplies a pair's trade: e^50 ≈ 5e21. Estimated partial effects of trade
    /// agreements are below 1 in absolute value (Baier, Yotov &amp; Zylkin 2019; the EU-enlargement
    /// example has 0.22), and even a prohibitive tariff, 0 → 10,000%, with θ = 10 gives
    /// β = −10 ln 101 ≈ −46.
    /// </summary>
    public const double MaxAbsBeta = 50;

    /// <summary>
    /// Smallest trade elasticity θ. P̂ = (P̂^(−θ))^(−1/θ): below 0.1 the price index of a country
    /// whose imports move by e^50 overflows. Published estimates start near 0.4 (Caliendo &amp;
    /// Parro 2015, by sector); the aggregate ones cluster around 4–8 (Head &amp; Mayer 2014).
    /// </summary>
    public const double MinTheta = 0.1;

    /// <summary>Largest θ: above the largest sectoral estimates (Caliendo &amp; Parro 2015, about 50 for petroleum).</summary>
    public const double MaxTheta = 100;

    /// <summary>The trade range in words, for messages and help.</summary>
    public static string TradeRange => $"0 or from {Show(MinPositiveTrade)} to {Show(MaxTrade)}";

    /// <summary>The β range in words.</summary>
    public static string BetaRange => $"from {Show(-MaxAbsBeta)} to {Show(MaxAbsBeta)} (e^β multiplies trade; e^50 ≈ 5e21)";

    /// <summary>The θ range in words.</summary>
    public static string ThetaRange => $"from {Show(MinTheta)} to {Show(MaxTheta)}";

    public static bool IsTrade(double trade) => trade == 0 || trade is >= MinPositiveTrade and <= MaxTrade;

    public static bool IsBeta(double beta) => beta is >= -MaxAbsBeta and <= MaxAbsBeta;

    public static bool IsTheta(double theta) => theta is >= MinTheta and <= MaxTheta;

    /// <summary>Shortest round-trip form, with a lower-case exponent: 1e-12, 2e18, -1000, 0.25.</summary>
    public static string Show(double value) =>
        value.ToString("R", CultureInfo.InvariantCulture).Replace("E+", "e", StringComparison.Ordinal).Replace('E', 'e');
}
