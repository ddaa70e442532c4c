using Simulation.Model.Registries;

namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// National welfare (DESIGN §3.3): U_c = ΔCS_c + ΔTR_c + ΔPS_c + Σ_p (ω_c,p − 1) ΔX_c,p. The last
/// term is zero unless partner weights single out some export markets (a diversification goal).
/// Facing infinite export supply such a government gains from cutting its own tariffs and has
/// nothing to bargain with; terms of trade (finite supply, Bagwell &amp; Staiger) give it a motive.
/// </summary>
public sealed class WelfareObjective : IObjective
{
    public static WelfareObjective Instance { get; } = new();

    public string Name => "welfare";

    public string Description => "consumer surplus, tariff revenue and producer surplus";

    // Not plain "welfare": with partner weights ω ≠ 1 the score is ΔW plus a diversification premium.
    public string ScoreName => "welfare score";

    public IReadOnlyList<EntryParameter> Parameters => [];

    public double Value(CountryMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        return measures.Welfare.Total + measures.PartnerPremium;
    }
}
