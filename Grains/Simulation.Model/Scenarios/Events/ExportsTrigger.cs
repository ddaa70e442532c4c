using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>when: { exports: { country, partner, sector? }, change_below|change_above: r }</c> (DESIGN §5.1):
/// the relative change, from the base world, of the value at world prices of
/// <paramref name="Country"/>'s exports to <paramref name="Partner"/> (in <paramref name="Sector"/>, or
/// in every sector when it is null) is strictly below or above r, a fraction (−0.05: a fall of 5%).
/// The values are the market model's solution of the world as it stands after the round's agreements
/// and events: Σ value after / Σ value before − 1 over the lines c sells to p.
/// </summary>
public sealed record ExportsTrigger(string Country, string Partner, string? Sector, Threshold Bound) : ConditionTrigger
{
    private static readonly string[] s_bounds = ["change_below", "change_above"];
    private static readonly string[] s_flowKeys = ["country", "partner", "sector"];

    /// <summary>The <c>exports</c> condition: the exports and their bound.</summary>
    public static ConditionKind Definition { get; } = new(
        "exports",
        "The value at world prices of a country's exports to a partner { country, partner, sector (optional) } has changed from the base world by less (change_below) or more (change_above) than r, a fraction (-0.05: a fall of 5%), as the market model solves the world after the agreements and events so far.",
        ["exports", .. s_bounds],
        Read);

    public override string Text => $"{What} change {Bound.Text}";

    private string What => $"exports {Country}→{Partner}{(Sector is null ? "" : " " + Sector)}";

    /// <summary>The change, or null when the base value is 0 (a change of nothing is not a number, so the condition does not hold).</summary>
    internal override string? Check(IRunConditions run)
    {
        var before = 0.0;
        var after = 0.0;
        foreach (var sector in run.Solution)
        {
            foreach (var market in sector.Markets.Where(m => m.Key.Importer == Partner && (Sector is null || m.Key.Sector == Sector)))
            {
                foreach (var supplier in market.Suppliers.Where(s => s.Exporter == Country))
                {
                    before += supplier.ValueBefore;
                    after += supplier.ValueAfter;
                }
            }
        }

        if (before <= 0)
        {
            return null;
        }

        var change = (after / before) - 1;
        return Bound.IsMetBy(change) ? $"{What} change {Threshold.Show(change)}, {Bound.Text}" : null;
    }

    /// <summary>Reads the exports (two declared countries, a declared sector or none, which must be traded) and exactly one bound.</summary>
    internal static ExportsTrigger? Read(MappingFields fields, EventReader reader)
    {
        var bound = Threshold.Read(fields, reader.Errors, s_bounds, _ => ScenarioRanges.ExportChange);
        var flows = MappingFields.Open(fields.Required("exports")!.Value, reader.Errors, "exports", s_flowKeys);
        if (flows is null)
        {
            return null;
        }

        var world = reader.World;
        var country = flows.Required("country") is { } c ? world.CountryReference(c) : null;
        var partner = flows.Required("partner") is { } p ? world.CountryReference(p) : null;
        var sectorField = flows.Optional("sector");
        var sector = sectorField is { } s ? world.SectorReference(s) : null;
        if (country is null || partner is null || (sectorField is not null && sector is null) || bound is null)
        {
            return null;
        }

        if (!world.Flows.Keys.Any(k => k.Exporter == country && k.Importer == partner && (sector is null || k.Sector == sector)))
        {
            reader.Errors.Add(flows.Node, flows.Path,
                $"{country} exports nothing to {partner}{(sector is null ? "" : $" in {sector}")} in the trade data: the condition reads the change of a traded value");
            return null;
        }

        return new ExportsTrigger(country, partner, sector, bound);
    }
}
