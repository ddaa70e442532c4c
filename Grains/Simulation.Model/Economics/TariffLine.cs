namespace Simulation.Model.Economics;

/// <summary>A bilateral tariff line: what <see cref="Importer"/> charges on <see cref="Exporter"/>'s goods in a sector.</summary>
public readonly record struct TariffLine(string Importer, string Exporter, string Sector)
{
    public override string ToString() => $"{Importer}←{Exporter} {Sector}";
}
