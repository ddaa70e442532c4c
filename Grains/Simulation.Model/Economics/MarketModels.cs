using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>The market model a scenario names.</summary>
public static class MarketModels
{
    public static IMarketModel For(MarketModelKind kind) => kind switch
    {
        MarketModelKind.Gsim => GsimMarketModel.Instance,
        MarketModelKind.Ces => CesMarketModel.Instance,
        MarketModelKind.Smart => SmartMarketModel.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown market model."),
    };
}
