using Simulation.Model.Economics.Objectives;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A country (ISO code, or ROW for the rest of the world). <see cref="Negotiates"/> is false for
/// ROW-like entries that trade but never sit at a table. <see cref="Strategy"/> is the country's
/// default negotiating strategy; a negotiation may override it per party.
/// </summary>
public sealed record Country(string Id, string Name, bool Negotiates, IObjective Objective, StrategySpec Strategy)
{
    /// <summary>λ_s ≥ 0 by sector: the extra weight of organised producers in the political objective (DESIGN §3.3).</summary>
    public IdMap<double> LobbyWeights { get; init; } = IdMap<double>.Empty;

    /// <summary>ω_p ≥ 0 by partner: the weight of exports to p in the objectives (DESIGN §3.3); 1 where absent.</summary>
    public IdMap<double> PartnerWeights { get; init; } = IdMap<double>.Empty;

    /// <summary>
    /// A reservation utility r ∈ [0, 1] set directly (<c>reservation:</c>, DESIGN §4.2), overriding the
    /// derived one at every negotiation unless the negotiation sets its own; null where not set.
    /// </summary>
    public double? Reservation { get; init; }

    /// <summary>The per-offer discount factor δ ∈ (0, 1] (<c>discount:</c>, DESIGN §4.2); null means 1 (no discounting).</summary>
    public double? Discount { get; init; }

    /// <summary>
    /// In a utility scenario, the most an outcome is worth to the party (<c>utility_cap:</c>): its utility
    /// is min(cap, Σ numbers), as GENIUS's AdditiveUtilitySpace.getUtility caps a linear-additive
    /// utility at 1; null where not set (no cap).
    /// </summary>
    public double? UtilityCap { get; init; }

    /// <summary>λ_s, 0 for a sector without organised producers.</summary>
    public double LobbyWeight(string sector) => LobbyWeights.TryGetValue(sector, out var weight) ? weight : 0;

    /// <summary>ω_p, 1 for a partner the scenario does not weigh.</summary>
    public double PartnerWeight(string partner) => PartnerWeights.TryGetValue(partner, out var weight) ? weight : 1;
}
