namespace Simulation.Model.Economics;

/// <summary>
/// A country's national welfare change, in the scenario's unit (DESIGN §6.2 <c>welfare</c>):
/// consumer surplus and tariff revenue in its own markets, and its producers' surplus.
/// </summary>
public sealed record WelfareBreakdown(double ConsumerSurplus, double TariffRevenue, double ProducerSurplus)
{
    public double Total => ConsumerSurplus + TariffRevenue + ProducerSurplus;
}
