using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>The acceptance conditions a scenario may name (DESIGN §4.4); <c>next</c> is the default. Adding one: a class and a line here.</summary>
public static class AcceptanceConditions
{
    public const string Default = NextBidAcceptance.Name;

    public static Registry<ComponentEntry<IAcceptanceCondition>> Registry { get; } = new("acceptance condition",
    [
        NextBidAcceptance.Entry,
        ConstantAcceptance.Entry,
    ], Default);
}
