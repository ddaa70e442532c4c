using Simulation.Model.Economics.Objectives;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// Everything DESIGN §3.3 and §6.2 measure for one country, as changes from the base data, from a
/// world's sector solutions: its trade (exports by partner before and after, imports), its welfare
/// breakdown, its producers' surplus by sector, and the value of each of the three objectives
/// under its own weights (<see cref="Country.PartnerWeights"/> ω, <see cref="Country.LobbyWeights"/> λ).
/// </summary>
/// <remarks>
/// ΔCS and ΔTR of country c are those of the markets where c is the importer; its ΔPS is that of
/// c as a supplier (home producers and exporters together, one supply curve per sector). Every
/// measure is a sum over markets or sectors, so the measures of a set of sectors add up: what
/// keeps negotiators' values additive across sectors.
/// </remarks>
public sealed record CountryMeasures(
    Country Country,
    TradeAccounts Trade,
    WelfareBreakdown Welfare,
    IReadOnlyDictionary<string, double> ProducerSurplusBySector)
{
    public string Id => Country.Id;

    /// <summary>
    /// By sector, the country's sales outside the markets listed (DESIGN §3.2, "A complete world"), before
    /// (R0) and after (pw·R) at world prices; only sectors where it has a <c>supply:</c> total above its
    /// listed sales. Part of no objective: its buyers are outside the scenario, and the country's producers'
    /// surplus already counts them (ΔPS over all its sales).
    /// </summary>
    public IReadOnlyDictionary<string, SalesElsewhere> Elsewhere { get; init; } = new SortedDictionary<string, SalesElsewhere>(StringComparer.Ordinal);

    /// <summary>Change in exports, all partners (world prices).</summary>
    public double ExportsChange => Trade.ExportsChange;

    /// <summary>ΔM: change in imports (world prices), home sales aside.</summary>
    public double ImportsChange => Trade.ImportsChange;

    /// <summary>Σ_p ω_p ΔX_p: export changes weighted by partner.</summary>
    public double WeightedExportsChange => SumOverPartners(Country.PartnerWeight);

    /// <summary>Σ_p (ω_p − 1) ΔX_p: what partner weights add to a welfare objective.</summary>
    public double PartnerPremium => SumOverPartners(partner => Country.PartnerWeight(partner) - 1);

    public double MercantilistValue => MercantilistObjective.Instance.Value(this);

    public double WelfareValue => WelfareObjective.Instance.Value(this);

    public double PoliticalValue => PoliticalObjective.Instance.Value(this);

    /// <summary>The value of <paramref name="objective"/> for this country.</summary>
    public double ValueOf(IObjective objective)
    {
        ArgumentNullException.ThrowIfNull(objective);
        return objective.Value(this);
    }

    /// <summary>The measures of <paramref name="country"/> in the world the <paramref name="solutions"/> describe.</summary>
    public static CountryMeasures For(Country country, IEnumerable<SectorSolution> solutions)
    {
        ArgumentNullException.ThrowIfNull(country);
        ArgumentNullException.ThrowIfNull(solutions);
        var list = solutions as IReadOnlyCollection<SectorSolution> ?? solutions.ToList();
        var consumer = 0.0;
        var revenue = 0.0;
        var producers = new SortedDictionary<string, double>(StringComparer.Ordinal);
        var elsewhere = new SortedDictionary<string, SalesElsewhere>(StringComparer.Ordinal);
        foreach (var solution in list)
        {
            foreach (var market in solution.Markets)
            {
                if (market.Key.Importer == country.Id)
                {
                    consumer += market.ConsumerSurplusChange;
                    revenue += market.TariffRevenueChange;
                }

                // A quota rent held by the exporter is its firms' gain (DESIGN §4.1 rent: exporter),
                // taken out of the importer's revenue by TariffRateQuotas and counted here in the
                // exporter's producers' surplus of the sector.
                foreach (var supplier in market.Suppliers)
                {
                    if (supplier.Exporter == country.Id && supplier.Quota is { } quota && quota.ExporterRentChange != 0)
                    {
                        producers[solution.Sector] = producers.GetValueOrDefault(solution.Sector) + quota.ExporterRentChange;
                    }
                }
            }

            if (solution.SupplierOf(country.Id) is { } supply)
            {
                producers[solution.Sector] = producers.GetValueOrDefault(solution.Sector) + supply.ProducerSurplusChange;
                if (supply.ElsewhereBefore > 0)
                {
                    elsewhere[solution.Sector] = new SalesElsewhere(supply.ElsewhereBefore, supply.ElsewhereAfter);
                }
            }
        }

        var trade = TradeAccounts.For(country.Id, list.SelectMany(s => s.Markets));
        var welfare = new WelfareBreakdown(consumer, revenue, producers.Values.Sum());
        return new CountryMeasures(country, trade, welfare, producers) { Elsewhere = elsewhere };
    }

    /// <summary>Σ_p weight(p) ΔX_p, over partners in id order so that the sum is reproducible.</summary>
    private double SumOverPartners(Func<string, double> weightOf)
    {
        var sum = 0.0;
        foreach (var (partner, before) in Trade.ExportsBefore)
        {
            var weight = weightOf(partner);
            if (weight != 0)
            {
                sum += weight * (Trade.ExportsAfter[partner] - before);
            }
        }

        return sum;
    }
}
