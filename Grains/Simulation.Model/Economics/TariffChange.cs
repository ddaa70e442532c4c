namespace Simulation.Model.Economics;

/// <summary>A tariff line set to a new level (percent): part of an agreement, or a unilateral move.</summary>
public sealed record TariffChange(TariffLine Line, double TariffPercent);
