namespace Simulation.Model.Economics;

/// <summary>A market is one importer's demand for one sector's goods (DESIGN §3.2).</summary>
public readonly record struct MarketKey(string Importer, string Sector);
