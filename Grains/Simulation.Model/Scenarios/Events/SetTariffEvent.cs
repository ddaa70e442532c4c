namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>type: set-tariff</c>: a unilateral move or retaliation: the importer's tariff on the exporter's
/// goods becomes <paramref name="TariffPercent"/> in <paramref name="Sector"/>, or, when it is null
/// (<c>sector: "*"</c>), on every trade line between the two.
/// </summary>
public sealed record SetTariffEvent(EventTrigger When, string Importer, string Exporter, string? Sector, double TariffPercent) : ScenarioEvent(When)
{
    public const string TypeName = "set-tariff";

    /// <summary>The sector written for "every sector".</summary>
    public const string AllSectors = "*";

    public override string Type => TypeName;
}
