namespace Simulation.Model.Scenarios;

/// <summary>The market model that turns tariff changes into trade flows (DESIGN §3.2).</summary>
public enum MarketModelKind
{
    /// <summary>Francois &amp; Hall's GSIM: CES markets of a sector coupled through suppliers' world prices (finite export supply). The default.</summary>
    Gsim,

    /// <summary>Exact Armington CES, one market at a time, infinite export supply.</summary>
    Ces,

    /// <summary>The WITS-SMART / Laird–Yeats linear form, for comparison with published SMART studies.</summary>
    Smart,
}
