namespace Simulation.Model.Scenarios;

/// <summary>
/// Home producers' sales in their own market (DESIGN §3.1), at world prices in the scenario's
/// unit. With them import-competing producers exist: a supplier at zero tariff in the home market.
/// </summary>
public sealed record DomesticSales(string Country, string Sector, double Value);
