using Simulation.Model.Registries;

namespace Simulation.Model.Economics.Objectives;

/// <summary>The objectives a country can pursue (DESIGN §3.3); mercantilist is the default. Adding one: a class and a line here.</summary>
public static class GovernmentObjectives
{
    /// <summary>The objectives, in the order help lists them.</summary>
    public static Registry<IObjective> Registry { get; } = new("objective",
    [
        MercantilistObjective.Instance,
        WelfareObjective.Instance,
        PoliticalObjective.Instance,
    ], MercantilistObjective.Instance.Name);

    /// <summary>The objective of a country that names none: Krugman's "GATT-think".</summary>
    public static IObjective Default => MercantilistObjective.Instance;
}
