using Simulation.Model.Reporting;
using Simulation.Model.Economics;

namespace Simulation.Client.Evaluation;

/// <summary>
/// What `tradesim evaluate` reports (DESIGN §6.3): for every market of a sector whose tariffs
/// changed, each supplier's values before and after with the creation/diversion split and its
/// world price, the market's ΔCS and ΔTR; every country as in a run's outcome; the model's warnings.
/// Where the model's form does not hold (SMART's linear form for a large change), the supplier and
/// market entries concerned say so: <c>valid: false</c> and a <c>reason</c>, their numbers as the
/// model gives them.
/// </summary>
public sealed record TariffEvaluation(
    string Model,
    IReadOnlyList<EvaluatedMarket> Markets,
    IReadOnlyList<CountryOutcome> Countries,
    IReadOnlyList<string> Warnings);

public sealed record EvaluatedMarket(
    string Importer,
    string Sector,
    double ConsumerSurplusChange,
    double TariffRevenueChange,
    bool Valid,
    string? Reason,
    IReadOnlyList<EvaluatedSupplier> Suppliers);

/// <summary>A supplier of a market; home producers appear with the importer as exporter, at zero tariff.</summary>
public sealed record EvaluatedSupplier(
    string Exporter,
    double TariffBefore,
    double TariffAfter,
    double ValueBefore,
    double ValueAfter,
    double Creation,
    double Diversion,
    double WorldPrice,
    bool Valid,
    string? Reason)
{
    /// <summary>The tariff-rate quota on the line, after or in the base data; null (and left out of the JSON) when there is none.</summary>
    public EvaluatedQuota? Quota { get; init; }
}

/// <summary>
/// A tariff-rate quota's result (DESIGN §4.1): its state after (null when the base data's quota is
/// gone), volume and tariffs, the tariff equivalent that priced the supplier, the fill rate and
/// the rent before and after, with who holds it.
/// </summary>
public sealed record EvaluatedQuota(
    QuotaState? State,
    double? Volume,
    double? InQuotaTariff,
    double OverQuotaTariff,
    double TariffEquivalent,
    double FillRate,
    double RentBefore,
    double RentAfter,
    QuotaRentHolder? Rent);
