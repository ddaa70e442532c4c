using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// The effective rate of protection of a linked sector (Corden, "The Theory of Protection", 1971;
/// DESIGN §3.2): the protection of value added rather than of the good,
/// ERP = (t_s − Σ_k a_k t_k)/(1 − Σ_k a_k), with t the country's import-weighted tariffs (percent)
/// on the sector and on each input. Weights are base import values, the same before and after, so
/// that a change in ERP is a change in tariffs only (weights after would let a prohibitive tariff
/// weigh nothing). A sector or input the country does not import has no tariff to weigh: t = 0.
/// Under a tariff-rate quota a line's tariff is its over-quota tariff, as the world holds it.
/// </summary>
public static class EffectiveProtection
{
    /// <summary>
    /// Each sector <paramref name="country"/> makes with inputs, in the order of its first input row,
    /// with its ERP in <paramref name="before"/> and <paramref name="after"/>; empty for a country without inputs.
    /// </summary>
    public static IReadOnlyList<EffectiveRate> Of(string country, IReadOnlyList<InputShare> inputs, World before, World after)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        return [.. inputs.Where(i => i.Country == country).GroupBy(i => i.Sector, StringComparer.Ordinal).Select(rows => new EffectiveRate(
            rows.Key,
            Rate(country, rows.Key, rows, before),
            Rate(country, rows.Key, rows, after)))];
    }

    /// <summary>(t_s − Σ a_k t_k)/(1 − Σ a_k), percent.</summary>
    public static double Rate(double outputTariffPercent, IEnumerable<(double Share, double TariffPercent)> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var (shares, costs) = (0.0, 0.0);
        foreach (var (share, tariff) in inputs)
        {
            shares += share;
            costs += share * tariff;
        }

        return (outputTariffPercent - costs) / (1 - shares);
    }

    private static double Rate(string country, string sector, IEnumerable<InputShare> rows, World world) =>
        Rate(ImportWeightedTariff(country, sector, world), rows.Select(r => (r.Share, ImportWeightedTariff(country, r.Input, world))));

    /// <summary>Σ_j M0_j t_j / Σ_j M0_j over <paramref name="country"/>'s imports of <paramref name="sector"/> (home sales left out); 0 without imports.</summary>
    public static double ImportWeightedTariff(string country, string sector, World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        var (weights, weighted) = (0.0, 0.0);
        foreach (var market in world.MarketsOf(sector).Markets.Where(m => m.Importer == country))
        {
            foreach (var supplier in market.Suppliers.Where(s => !market.IsHome(s)))
            {
                weights += supplier.BaseValue;
                weighted += supplier.BaseValue * world.TariffOf(market.LineOf(supplier));
            }
        }

        return weights > 0 ? weighted / weights : 0;
    }
}
