namespace Simulation.Model.Economics;

/// <summary>
/// What a tariff change does to one supplier of one market, relative to the base data. Values are
/// at world prices: <see cref="ValueAfter"/> = world price × <see cref="QuantityAfter"/>, base
/// quantities being base values (world prices start at 1). <see cref="Creation"/> and
/// <see cref="Diversion"/> split the change in quantity the Laird–Yeats way (demand growth and
/// switching between sources); where world prices move (gsim) the change in value also holds the
/// revaluation (world price − 1) × quantity after.
/// </summary>
public sealed record SupplierEffect(
    string Exporter,
    double TariffBefore,
    double TariffAfter,
    double ValueBefore,
    double ValueAfter,
    double QuantityAfter,
    double Creation,
    double Diversion,
    double WorldPrice)
{
    public double ValueChange => ValueAfter - ValueBefore;

    /// <summary>
    /// Why the model's numbers for this supplier are not valid, or null when they are: the linear SMART
    /// form predicting negative imports, or an undefined trade diversion, for a change too large for it.
    /// The numbers are reported as the model gives them, never clamped; this says not to read them as results.
    /// </summary>
    public string? InvalidReason { get; init; }

    public bool IsValid => InvalidReason is null;

    /// <summary>The tariff-rate quota on this line after or in the base data, or null (DESIGN §4.1).</summary>
    public QuotaOutcome? Quota { get; init; }
}
