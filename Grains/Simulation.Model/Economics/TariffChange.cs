using System.Globalization;

namespace Simulation.Model.Economics;

/// <summary>A tariff line set to a new level (percent): part of an agreement, or a unilateral move.</summary>
public sealed record TariffChange(TariffLine Line, double TariffPercent)
{
    /// <summary>The change as a person reads it in a log: <c>importer:exporter:sector=percent</c>, in the invariant culture.</summary>
    public string Text => $"{Line.Importer}:{Line.Exporter}:{Line.Sector}={TariffPercent.ToString(CultureInfo.InvariantCulture)}";
}
