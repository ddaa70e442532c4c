using Simulation.Model.Registries;

namespace Simulation.Model.Negotiation;

/// <summary>The bidding strategies a scenario may name (DESIGN §4.4). Adding one: a class and a line here.</summary>
public static class BiddingStrategies
{
    public static Registry<ComponentEntry<IBiddingStrategy>> Registry { get; } = new("bidding strategy",
    [
        TimeDependentBidding.Entry,
        TitForTatBidding.Entry,
        BackwardInductionBidding.Entry,
        RandomBidding.Entry,
    ]);
}
