using Simulation.Grains.Abstractions.Outcomes;

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
    string? Reason);
