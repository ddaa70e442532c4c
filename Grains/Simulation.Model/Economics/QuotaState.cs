namespace Simulation.Model.Economics;

/// <summary>Where a tariff-rate quota stands after a market is solved (DESIGN §4.1).</summary>
public enum QuotaState
{
    /// <summary>Imports at the in-quota tariff stay within the volume: the quota is just the in-quota tariff.</summary>
    NonBinding,

    /// <summary>Imports are capped at the volume; the domestic price lies between the in-quota and the over-quota price.</summary>
    Binding,

    /// <summary>Demand at the over-quota tariff reaches the volume: imports above it pay that tariff, which sets the price.</summary>
    Filled,
}
