namespace Simulation.Model.Economics;

/// <summary>
/// What a tariff change does to one supplier of one market, relative to the base data. Values are
/// at world prices. Creation and diversion follow the Laird–Yeats split of the change in value.
/// </summary>
public sealed record SupplierEffect(
    string Exporter,
    double TariffBefore,
    double TariffAfter,
    double ValueBefore,
    double ValueAfter,
    double Creation,
    double Diversion,
    double WorldPrice)
{
    public double ValueChange => ValueAfter - ValueBefore;
}
