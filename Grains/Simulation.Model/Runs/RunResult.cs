using Simulation.Model.Economics;

namespace Simulation.Model.Runs;

/// <summary>
/// A run's result in model terms: the rounds played, every negotiation's result in the scenario's
/// order, the tariff changes and tariff-rate quotas its agreements and events made, each in the
/// order they were applied, and the events applied, in that order.
/// </summary>
public sealed record RunResult(
    int RoundsPlayed,
    IReadOnlyList<NegotiationResult> Negotiations,
    IReadOnlyList<TariffChange> TariffChanges,
    IReadOnlyList<QuotaChange> QuotaChanges,
    IReadOnlyList<AppliedEvent> Events);
