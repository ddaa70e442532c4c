using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics.Objectives;

/// <summary>The objective a country's scenario entry names.</summary>
public static class GovernmentObjectives
{
    public static IObjective For(ObjectiveKind kind) => kind switch
    {
        ObjectiveKind.Mercantilist => MercantilistObjective.Instance,
        ObjectiveKind.Welfare => WelfareObjective.Instance,
        ObjectiveKind.Political => PoliticalObjective.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown objective."),
    };
}
