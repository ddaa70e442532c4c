using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>The opponent models a scenario may name (DESIGN §4.4); <c>economic</c> is the default. Adding one: a class and a line here.</summary>
public static class OpponentModels
{
    public const string Default = EconomicOpponentModel.Name;

    public static Registry<ComponentEntry<IOpponentModel>> Registry { get; } = new("opponent model",
    [
        EconomicOpponentModel.Entry,
        FrequencyOpponentModel.Entry,
        PerfectOpponentModel.Entry,
        NoOpponentModel.Entry,
    ], Default);
}
