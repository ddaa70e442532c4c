namespace Simulation.Model.Economics;

/// <summary>
/// A tariff-rate quota on a trade line (DESIGN §4.1): up to <see cref="Volume"/> (a quantity, in the
/// scenario's unit at base world prices of 1) enters at <see cref="InQuotaTariffPercent"/>; imports
/// above it pay the line's own tariff, the over-quota tariff. The quota rent, volume × the gap
/// between the domestic price and the in-quota price, goes to <see cref="Rent"/>.
/// </summary>
public sealed record TariffRateQuota(double Volume, double InQuotaTariffPercent, QuotaRentHolder Rent);
