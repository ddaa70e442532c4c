using Simulation.Model.Registries;

namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// Grossman &amp; Helpman, "Trade Wars and Trade Talks" (JPE 1995): a government weighs welfare and
/// the surplus of organised producers, U_c = ΔCS_c + ΔTR_c + Σ_s (1 + λ_c,s) ΔPS_c,s
/// + Σ_p (ω_c,p − 1) ΔX_c,p, with λ_s ≥ 0 the lobby weight of sector s (DESIGN §3.3). With every
/// λ = 0 it is the welfare objective.
/// </summary>
public sealed class PoliticalObjective : IObjective
{
    public static PoliticalObjective Instance { get; } = new();

    public string Name => "political";

    public string Description => "Grossman & Helpman: welfare with extra weight λ on organised producers";

    public string ScoreName => "political-economy score";

    public IReadOnlyList<EntryParameter> Parameters => [];

    public double Value(CountryMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        var producers = 0.0;
        foreach (var (sector, change) in measures.ProducerSurplusBySector)
        {
            producers += (1 + measures.Country.LobbyWeight(sector)) * change;
        }

        return measures.Welfare.ConsumerSurplus + measures.Welfare.TariffRevenue + producers + measures.PartnerPremium;
    }
}
