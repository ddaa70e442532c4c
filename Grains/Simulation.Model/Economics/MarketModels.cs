using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>The market model a scenario names.</summary>
public static class MarketModels
{
    /// <summary>The names scenario files and the command line use, in the order help lists them.</summary>
    public static IReadOnlyDictionary<string, MarketModelKind> ByName { get; } = new Dictionary<string, MarketModelKind>(StringComparer.Ordinal)
    {
        ["gsim"] = MarketModelKind.Gsim,
        ["ces"] = MarketModelKind.Ces,
        ["smart"] = MarketModelKind.Smart,
    };

    public static string NameOf(MarketModelKind kind) => ByName.First(pair => pair.Value == kind).Key;

    public static IMarketModel For(MarketModelKind kind) => kind switch
    {
        MarketModelKind.Gsim => GsimMarketModel.Instance,
        MarketModelKind.Ces => CesMarketModel.Instance,
        MarketModelKind.Smart => SmartMarketModel.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown market model."),
    };
}
