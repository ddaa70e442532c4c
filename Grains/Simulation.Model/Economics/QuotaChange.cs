namespace Simulation.Model.Economics;

/// <summary>A tariff-rate quota put on a line (or removed, with null): part of an agreement on a <c>trq</c> issue.</summary>
public sealed record QuotaChange(TariffLine Line, TariffRateQuota? Quota);
