namespace Simulation.Model.TradeData;

/// <summary>One product-level import flow of a trade extract: who imports what from whom, worth how much, read at which line.</summary>
public sealed record ProductFlow(string Importer, string Exporter, string Product, double Value, int Line);
