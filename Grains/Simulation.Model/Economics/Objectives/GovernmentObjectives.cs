using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics.Objectives;

/// <summary>The objective a country's scenario entry names.</summary>
public static class GovernmentObjectives
{
    /// <summary>The names scenario files use.</summary>
    public static IReadOnlyDictionary<string, ObjectiveKind> ByName { get; } = new Dictionary<string, ObjectiveKind>(StringComparer.Ordinal)
    {
        ["mercantilist"] = ObjectiveKind.Mercantilist,
        ["welfare"] = ObjectiveKind.Welfare,
        ["political"] = ObjectiveKind.Political,
    };

    public static string NameOf(ObjectiveKind kind) => ByName.First(pair => pair.Value == kind).Key;

    public static IObjective For(ObjectiveKind kind) => kind switch
    {
        ObjectiveKind.Mercantilist => MercantilistObjective.Instance,
        ObjectiveKind.Welfare => WelfareObjective.Instance,
        ObjectiveKind.Political => PoliticalObjective.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown objective."),
    };
}
