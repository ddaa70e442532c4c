using Simulation.Model.Registries;

namespace Simulation.Model.Economics;

/// <summary>The market models a scenario can name (DESIGN §3.2); gsim is the default. Adding one: a class and a line here.</summary>
public static class MarketModels
{
    /// <summary>The models, in the order help lists them.</summary>
    public static Registry<IMarketModel> Registry { get; } = new("market model",
    [
        GsimMarketModel.Instance,
        CesMarketModel.Instance,
        SmartMarketModel.Instance,
    ], GsimMarketModel.Instance.Name);

    /// <summary>The model of a scenario that names none: gsim, which equals ces in sectors whose supply is infinite (DESIGN §3.2).</summary>
    public static IMarketModel Default => GsimMarketModel.Instance;
}
