namespace Simulation.Model.Economics;

/// <summary>
/// What the rest of a linked block (DESIGN §3.2) holds fixed while one of its sectors is solved: the
/// input costs of the sector's suppliers that use inputs (the supply side: they sell at value-added
/// prices), and the producers' demand in the sector's markets that sell inputs (the demand side: a
/// derived demand beside final buyers'). The block's solver finds the terms at which every sector
/// agrees with the others.
/// </summary>
public sealed class SectorLinkTerms(IReadOnlyDictionary<string, InputCost> inputCosts, IReadOnlyDictionary<string, IntermediateDemand> intermediate)
{
    /// <summary>What inputs cost <paramref name="supplier"/>, or null when it uses none in this sector.</summary>
    public InputCost? InputCostOf(string supplier) => inputCosts.TryGetValue(supplier, out var cost) ? cost : null;

    /// <summary>Producers' demand in <paramref name="importer"/>'s market of this sector, or null when none buy there.</summary>
    public IntermediateDemand? IntermediateOf(string importer) => intermediate.TryGetValue(importer, out var demand) ? demand : null;
}
