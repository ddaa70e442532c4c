using Simulation.Model.Registries;

namespace Simulation.Model.Economics.Objectives;

/// <summary>
/// Krugman's "GATT-think" (Krugman 1997, "What should trade negotiators negotiate about?"):
/// U_c = Σ_p ω_c,p ΔX_c,p − ΔM_c, exports are gains and imports concessions, both at world prices;
/// ω (partner weights, default 1) lets a country value some markets above others (DESIGN §3.3).
/// Home sales are neither.
/// </summary>
public sealed class MercantilistObjective : IObjective
{
    public static MercantilistObjective Instance { get; } = new();

    public string Name => "mercantilist";

    public string Description => "weighted exports less imports";

    public string ScoreName => "mercantilist score";

    public IReadOnlyList<EntryParameter> Parameters => [];

    public double Value(CountryMeasures measures)
    {
        ArgumentNullException.ThrowIfNull(measures);
        return measures.WeightedExportsChange - measures.ImportsChange;
    }
}
