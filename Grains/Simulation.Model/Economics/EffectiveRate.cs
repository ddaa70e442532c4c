namespace Simulation.Model.Economics;

/// <summary>A linked sector's effective rate of protection (percent) in the base data and after (<see cref="EffectiveProtection"/>).</summary>
public sealed record EffectiveRate(string Sector, double Before, double After);
