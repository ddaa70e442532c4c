using Simulation.Model.Economics;

namespace Simulation.Model.Runs;

/// <summary>
/// A run's result in model terms: the rounds played, every negotiation's result in the scenario's
/// order, and the tariff changes and tariff-rate quotas its agreements made, each in the order they
/// were applied.
/// </summary>
public sealed record RunResult(int RoundsPlayed, IReadOnlyList<NegotiationResult> Negotiations, IReadOnlyList<TariffChange> TariffChanges, IReadOnlyList<QuotaChange> QuotaChanges);
