namespace Simulation.Model.Scenarios;

/// <summary>The market model that turns tariff changes into trade flows (DESIGN §3.2).</summary>
public enum MarketModelKind
{
    /// <summary>Exact Armington CES, one market at a time, infinite export supply.</summary>
    Ces,
}
