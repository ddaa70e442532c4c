using Simulation.Model.Economics;
using Simulation.Model.Runs;

namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>when: { tariff: { importer, exporter, sector }, below|above: T }</c> (DESIGN §5.1): the world's
/// tariff in force on a traded line (under a tariff-rate quota, its over-quota tariff) is strictly
/// below or above T percent, whatever set it: the trade data, an agreement or an event.
/// </summary>
public sealed record TariffTrigger(TariffLine Line, Threshold Bound) : ConditionTrigger
{
    private static readonly string[] s_bounds = ["below", "above"];
    private static readonly string[] s_lineKeys = ["importer", "exporter", "sector"];

    /// <summary>The <c>tariff</c> condition: the line and its bound.</summary>
    public static ConditionKind Definition { get; } = new(
        "tariff",
        "The tariff in force on a traded line { importer, exporter, sector } (after the agreements and events so far; under a quota the over-quota tariff) is below or above T percent.",
        ["tariff", .. s_bounds],
        Read);

    public override string Text => $"tariff {Line.Importer}←{Line.Exporter} {Line.Sector} {Bound.Text}";

    internal override string? Check(IRunConditions run)
    {
        var tariff = run.World.TariffOf(Line);
        return Bound.IsMetBy(tariff) ? $"tariff {Line.Importer}←{Line.Exporter} {Line.Sector} {Threshold.Show(tariff)}, {Bound.Text}" : null;
    }

    /// <summary>Reads the line (a line of the trade data) and exactly one bound, a tariff in percent.</summary>
    internal static TariffTrigger? Read(MappingFields fields, EventReader reader)
    {
        var bound = Threshold.Read(fields, reader.Errors, s_bounds, _ => ScenarioRanges.TariffPercent);
        var lineField = fields.Required("tariff")!.Value;
        var line = MappingFields.Open(lineField, reader.Errors, "tariff", s_lineKeys) is { } lf ? TradedLine(lf, reader) : null;
        return line is null || bound is null ? null : new TariffTrigger(line.Value, bound);
    }

    /// <summary>A line <c>{ importer, exporter, sector }</c> of the trade data; null, with an error, when it is not one.</summary>
    private static TariffLine? TradedLine(MappingFields fields, EventReader reader)
    {
        var world = reader.World;
        var importer = fields.Required("importer") is { } im ? world.CountryReference(im) : null;
        var exporter = fields.Required("exporter") is { } ex ? world.CountryReference(ex) : null;
        var sector = fields.Required("sector") is { } se ? world.SectorReference(se) : null;
        if (importer is null || exporter is null || sector is null)
        {
            return null;
        }

        var key = new ScenarioWorld.FlowKey(importer, exporter, sector);
        if (!world.Flows.ContainsKey(key))
        {
            reader.Errors.Add(fields.Node, fields.Path, $"no trade line ({key}) in the trade data: a condition reads the tariff of a traded line");
            return null;
        }

        return new TariffLine(importer, exporter, sector);
    }
}
