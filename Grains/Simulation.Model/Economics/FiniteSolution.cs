using System.Globalization;
using Simulation.Model.Numerics;

namespace Simulation.Model.Economics;

/// <summary>
/// Every market model's answer passes here before it is returned: a number that is not finite
/// (an elasticity or tariff change beyond what double precision holds, say Q̂ = P̂^(−ε) with
/// ε = 1e300) fails with a message naming the model, market and supplier, rather than travelling
/// on as NaN into negotiators' utilities or as "Infinity" into a table. Scenario files cannot
/// reach this (their numbers are bounded, see <c>ScenarioRanges</c>); callers of the models can.
/// </summary>
internal static class FiniteSolution
{
    /// <exception cref="NonFiniteResultException">A number of <paramref name="solution"/> is NaN or infinite.</exception>
    public static SectorSolution Check(string model, SectorMarkets sector, SectorSolution solution)
    {
        foreach (var market in solution.Markets)
        {
            foreach (var supplier in market.Suppliers)
            {
                Require(supplier.ValueAfter, "the value after", market.Key, supplier.Exporter);
                Require(supplier.QuantityAfter, "the quantity after", market.Key, supplier.Exporter);
                Require(supplier.Creation, "trade creation", market.Key, supplier.Exporter);
                Require(supplier.Diversion, "trade diversion", market.Key, supplier.Exporter);
                Require(supplier.WorldPrice, "the world price", market.Key, supplier.Exporter);
            }

            Require(market.ConsumerSurplusChange, "the change in consumer surplus", market.Key, null);
            Require(market.TariffRevenueBefore, "the tariff revenue before", market.Key, null);
            Require(market.TariffRevenueAfter, "the tariff revenue after", market.Key, null);
        }

        foreach (var supply in solution.Suppliers)
        {
            if (!double.IsFinite(supply.SalesAfter) || !double.IsFinite(supply.WorldPrice) || !double.IsFinite(supply.ProducerSurplusChange)
                || !double.IsFinite(supply.ElsewhereAfter))
            {
                throw Failure($"the sales, world price, producers' surplus or sales elsewhere of {supply.Supplier}", null, supply.Supplier);
            }
        }

        return solution;

        void Require(double value, string what, MarketKey market, string? exporter)
        {
            if (!double.IsFinite(value))
            {
                throw Failure($"{what} (it is {NonFinite.Describe(value)})", market, exporter);
            }
        }

        NonFiniteResultException Failure(string what, MarketKey? market, string? exporter)
        {
            var where = market is { } key
                ? exporter is null ? $"the market of {key.Importer}" : $"{key.Importer}'s imports from {exporter}"
                : $"supplier {exporter}";
            var elasticities = market is { } k ? sector.Sector.ElasticitiesFor(k.Importer) : null;
            var parameters = elasticities is null
                ? $"ε_x = {Show(sector.Sector.SupplyElasticity)}"
                : $"ε = {Show(elasticities.DemandElasticity)}, σ = {Show(elasticities.SubstitutionElasticity)}";
            return new NonFiniteResultException(
                $"{model} cannot give a finite number for {what} of {where} in sector {sector.Sector.Name}: " +
                $"with {parameters} this tariff change is beyond what double precision holds.");
        }
    }

    private static string Show(double value) =>
        double.IsPositiveInfinity(value) ? "infinite" : value.ToString("R", CultureInfo.InvariantCulture);
}
