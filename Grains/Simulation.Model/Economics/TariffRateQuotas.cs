using System.Globalization;

namespace Simulation.Model.Economics;

/// <summary>
/// Tariff-rate quotas in any market model (DESIGN §4.1). A quota is a quantity constraint on one
/// supplier of one market; the model's equations stay as they are and only that supplier's tariff
/// becomes endogenous: a tariff equivalent τ between the in-quota tariff t_in and the over-quota
/// tariff t_over. With q(τ) the supplier's quantity the model gives (it falls as τ rises):
/// <list type="bullet">
/// <item>q(t_in) ≤ V: not binding, τ = t_in;</item>
/// <item>q(t_over) ≥ V: filled, τ = t_over (imports above V pay the over-quota tariff, which sets the price);</item>
/// <item>otherwise binding: τ solves q(τ) = V (bisection, the function being monotone).</item>
/// </list>
/// Several quotas in a sector are solved one after the other until no tariff equivalent moves
/// (Gauss–Seidel), each solve being the model's own. Tariff revenue as the model computes it at τ
/// is the in-quota revenue plus the rent: right when the importer holds the rent; when the exporter
/// does, the rent is taken out of the importer's revenue (and counted to the exporter, see
/// <see cref="CountryMeasures"/>).
/// </summary>
public static class TariffRateQuotas
{
    private const int MaxSweeps = 200;
    private const int MaxBisections = 200;

    /// <summary>
    /// Solves <paramref name="sector"/> with <paramref name="model"/> when lines carry quotas:
    /// <paramref name="tariffAfterPercent"/> gives each line's (over-quota) tariff and <paramref name="quotaOf"/> its quota, if any.
    /// </summary>
    public static SectorSolution Solve(
        IMarketModel model, SectorMarkets sector, Func<TariffLine, double> tariffAfterPercent, Func<TariffLine, TariffRateQuota?> quotaOf)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sector);
        ArgumentNullException.ThrowIfNull(tariffAfterPercent);
        ArgumentNullException.ThrowIfNull(quotaOf);

        // Most sectors have no quota: they go straight to the model without allocating here, since
        // negotiators' tables solve a sector for every combination of its levels.
        List<(int Market, int Supplier, TariffLine Line, TariffRateQuota Quota, double Over)>? constrained = null;
        var annotated = false;
        for (var m = 0; m < sector.Markets.Count; m++)
        {
            var market = sector.Markets[m];
            for (var j = 0; j < market.Suppliers.Count; j++)
            {
                var supplier = market.Suppliers[j];
                if (market.IsHome(supplier))
                {
                    continue;
                }

                var line = market.LineOf(supplier);
                annotated |= supplier.BaseQuota is not null;
                if (quotaOf(line) is { } quota)
                {
                    var over = tariffAfterPercent(line);
                    if (over < quota.InQuotaTariffPercent)
                    {
                        throw new ArgumentException(
                            $"The quota on {line} has an in-quota tariff of {Show(quota.InQuotaTariffPercent)}% above its over-quota tariff of {Show(over)}%.",
                            nameof(quotaOf));
                    }

                    (constrained ??= []).Add((m, j, line, quota, over));
                }
            }
        }

        return constrained is null && !annotated
            ? model.SolveSector(sector, tariffAfterPercent)
            : SolveConstrained(model, sector, tariffAfterPercent, constrained ?? []);
    }

    private static SectorSolution SolveConstrained(
        IMarketModel model,
        SectorMarkets sector,
        Func<TariffLine, double> tariffAfterPercent,
        List<(int Market, int Supplier, TariffLine Line, TariffRateQuota Quota, double Over)> constrained)
    {
        var equivalents = new Dictionary<TariffLine, double>();
        foreach (var c in constrained)
        {
            equivalents[c.Line] = c.Quota.InQuotaTariffPercent;
        }

        double Tariff(TariffLine line) => equivalents.TryGetValue(line, out var tau) ? tau : tariffAfterPercent(line);

        for (var sweep = 0; constrained.Count > 0; sweep++)
        {
            var largestMove = 0.0;
            foreach (var c in constrained)
            {
                var before = equivalents[c.Line];
                var after = EquivalentOf(model, sector, c.Market, c.Supplier, c.Line, c.Quota, c.Over, equivalents, Tariff);
                equivalents[c.Line] = after;
                largestMove = Math.Max(largestMove, Math.Abs(after - before));
            }

            if (largestMove <= 1e-12 * (1 + constrained.Max(c => c.Over)) || constrained.Count == 1)
            {
                break;
            }

            if (sweep == MaxSweeps)
            {
                throw new EquilibriumNotFoundException(sector.Sector.Name, sweep, largestMove,
                    $"The tariff-rate quotas of sector {sector.Sector.Name} did not settle after {MaxSweeps} rounds (the last moved a tariff equivalent by {Show(largestMove)} points).");
            }
        }

        var solution = model.SolveSector(sector, Tariff);
        return Annotate(sector, solution, constrained.ToDictionary(c => c.Line, c => (c.Quota, c.Over)), equivalents);
    }

    private static double EquivalentOf(
        IMarketModel model, SectorMarkets sector, int market, int supplier, TariffLine line, TariffRateQuota quota, double over,
        Dictionary<TariffLine, double> equivalents, Func<TariffLine, double> tariff)
    {
        double QuantityAt(double tau)
        {
            equivalents[line] = tau;
            return model.SolveSector(sector, tariff).Markets[market].Suppliers[supplier].QuantityAfter;
        }

        var volume = quota.Volume;
        if (QuantityAt(quota.InQuotaTariffPercent) <= volume)
        {
            return quota.InQuotaTariffPercent;
        }

        if (QuantityAt(over) >= volume)
        {
            return over;
        }

        // q(lo) > V > q(hi): halve the bracket until it is as narrow as doubles allow.
        var (lo, hi) = (quota.InQuotaTariffPercent, over);
        for (var i = 0; i < MaxBisections; i++)
        {
            var mid = lo + (hi - lo) / 2;
            if (mid <= lo || mid >= hi)
            {
                break;
            }

            if (QuantityAt(mid) > volume)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return lo + (hi - lo) / 2;
    }

    private static SectorSolution Annotate(
        SectorMarkets sector, SectorSolution solution, Dictionary<TariffLine, (TariffRateQuota Quota, double Over)> quotas, Dictionary<TariffLine, double> equivalents)
    {
        var markets = new MarketEffect[solution.Markets.Count];
        for (var m = 0; m < markets.Length; m++)
        {
            var market = sector.Markets[m];
            var effect = solution.Markets[m];
            var suppliers = effect.Suppliers.ToArray();
            var exporterRentBefore = 0.0;
            var exporterRentAfter = 0.0;
            for (var j = 0; j < suppliers.Length; j++)
            {
                var supplier = market.Suppliers[j];
                if (market.IsHome(supplier))
                {
                    continue;
                }

                var line = market.LineOf(supplier);
                var hasAfter = quotas.TryGetValue(line, out var after);
                if (!hasAfter && supplier.BaseQuota is null)
                {
                    continue;
                }

                var s = suppliers[j];
                var rentBefore = supplier.BaseQuota is { } baseQuota
                    ? Math.Min(supplier.BaseValue, baseQuota.Volume) * (supplier.BaseTariffPercent - baseQuota.InQuotaTariffPercent) / 100
                    : 0;
                QuotaOutcome outcome;
                if (hasAfter)
                {
                    var quota = after.Quota;
                    var tau = equivalents[line];
                    var withinQuota = Math.Min(s.QuantityAfter, quota.Volume);
                    var state = tau == quota.InQuotaTariffPercent && s.QuantityAfter <= quota.Volume
                        ? QuotaState.NonBinding
                        : tau == after.Over ? QuotaState.Filled : QuotaState.Binding;
                    outcome = new QuotaOutcome(
                        quota, after.Over, state, tau,
                        FillRate: quota.Volume > 0 ? withinQuota / quota.Volume : 1,
                        RentAfter: withinQuota * s.WorldPrice * (tau - quota.InQuotaTariffPercent) / 100,
                        supplier.BaseQuota, rentBefore);
                }
                else
                {
                    outcome = new QuotaOutcome(null, s.TariffAfter, null, s.TariffAfter, 0, 0, supplier.BaseQuota, rentBefore);
                }

                suppliers[j] = s with { Quota = outcome };
                exporterRentBefore += outcome.ExporterRentBefore;
                exporterRentAfter += outcome.ExporterRentAfter;
            }

            markets[m] = effect with
            {
                Suppliers = suppliers,
                TariffRevenueBefore = effect.TariffRevenueBefore - exporterRentBefore,
                TariffRevenueAfter = effect.TariffRevenueAfter - exporterRentAfter,
            };
        }

        return solution with { Markets = markets };
    }

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
