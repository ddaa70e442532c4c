namespace Simulation.Model.Scenarios;

/// <summary>
/// A vertical link (DESIGN §3.2): producing one unit of <see cref="Sector"/> in <see cref="Country"/>
/// uses goods of sector <see cref="Input"/> worth <see cref="Share"/> (a_k) of its base output value,
/// bought in the country's own market for the input (Leontief: fixed per unit of output).
/// </summary>
public sealed record InputShare(string Country, string Sector, string Input, double Share);
