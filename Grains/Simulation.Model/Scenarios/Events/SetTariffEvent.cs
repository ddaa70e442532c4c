using Simulation.Model.Economics;
using Simulation.Model.Reporting;
using Simulation.Model.Runs;

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

    public static EventType<SetTariffEvent> Definition { get; } = new SetTariff();

    public override string Type => TypeName;

    private sealed class SetTariff : EventType<SetTariffEvent>
    {
        public override string Name => TypeName;

        public override string Description =>
            "The importer's tariff on the exporter's goods in a sector ('*': every sector the two trade in) becomes the given level; the line(s) must be in the trade data, and the level may not be below the in-quota tariff of a tariff-rate quota the line can carry (in trade, or a quota issue on it), since it is then the over-quota tariff.";

        public override IReadOnlyList<EventKey> Keys { get; } =
        [
            new("importer", true, "A declared country: the one that sets the tariff.", """{ "$ref": "#/$defs/countryId" }"""),
            new("exporter", true, "A declared country: the one whose goods it applies to.", """{ "$ref": "#/$defs/countryId" }"""),
            new("sector", true, "A declared sector, or '*' for every sector the two trade in.", """{ "oneOf": [{ "const": "*" }, { "$ref": "#/$defs/name" }] }"""),
            new("tariff", true, "The new tariff, percent.", """{ "$ref": "#/$defs/tariff" }"""),
        ];

        internal override ScenarioEvent? Read(MappingFields fields, EventTrigger? trigger, EventReader reader)
        {
            var world = reader.World;
            var importer = fields.Required("importer") is { } im ? world.CountryReference(im) : null;
            var exporter = fields.Required("exporter") is { } ex ? world.CountryReference(ex) : null;
            var sectorField = fields.Required("sector");
            var allSectors = sectorField is { Node: YamlScalar { Value: AllSectors } };
            var sector = sectorField is { } se && !allSectors ? world.SectorReference(se) : null;
            var tariff = fields.Required("tariff") is { } ta ? ScalarReader.InRange(ta, reader.Errors, ScenarioRanges.TariffPercent) : null;
            if (importer is null || exporter is null || sectorField is null || (sector is null && !allSectors))
            {
                return null;
            }

            // The event moves tariffs on lines the trade data has; it does not create trade.
            var exists = allSectors
                ? world.Flows.Keys.Any(k => k.Importer == importer && k.Exporter == exporter)
                : world.Flows.ContainsKey(new ScenarioWorld.FlowKey(importer, exporter, sector!));
            if (!exists)
            {
                var line = allSectors ? $"importer {importer}, exporter {exporter}, any sector" : new ScenarioWorld.FlowKey(importer, exporter, sector!).ToString();
                reader.Errors.Add(sectorField.Value.Node, sectorField.Value.Path, $"no trade line ({line}) in the trade data for this tariff to apply to");
                return null;
            }

            if (tariff is { } set)
            {
                var at = fields.Optional("tariff")!.Value;
                foreach (var key in world.Flows.Keys.Where(k => k.Importer == importer && k.Exporter == exporter && (allSectors || k.Sector == sector)))
                {
                    world.TariffSettings.Add(new ScenarioWorld.TariffSetting(key, set, at, "the set-tariff event's tariff"));
                }
            }

            return trigger is null || tariff is null ? null : new SetTariffEvent(trigger, importer, exporter, sector, tariff.Value);
        }

        internal override async Task<AppliedEvent?> ApplyAsync(IEventActions run, int index, SetTariffEvent setTariff)
        {
            // A unilateral move changes the world as an agreement does, and is repriced the same way.
            var changes = run.Scenario.Trade
                .Where(t => t.Importer == setTariff.Importer && t.Exporter == setTariff.Exporter && (setTariff.Sector is null || t.Sector == setTariff.Sector))
                .Select(t => t.Sector)
                .Distinct(StringComparer.Ordinal)
                .Select(sector => new TariffChange(new TariffLine(setTariff.Importer, setTariff.Exporter, sector), setTariff.TariffPercent))
                .ToList();
            await run.SetTariffsAsync(changes);
            return new AppliedEvent(run.Round, setTariff, changes);
        }

        /// <summary>The sector as written (<c>*</c> for all) and the sectors whose tariff it set.</summary>
        protected override EventOutcome Outcome(SetTariffEvent setTariff, AppliedEvent applied) =>
            new(applied.Round, TypeName, Importer: setTariff.Importer, Exporter: setTariff.Exporter, Sector: setTariff.Sector ?? AllSectors,
                Tariff: setTariff.TariffPercent, Sectors: [.. applied.TariffChanges.Select(c => c.Line.Sector)]);

        public override string Narrate(EventOutcome entry, EventNumbers numbers)
        {
            ArgumentNullException.ThrowIfNull(entry);
            ArgumentNullException.ThrowIfNull(numbers);
            var all = entry.Sector == AllSectors;
            var text = $"{entry.Importer} sets its tariff on {entry.Exporter} in {(all ? "every sector" : entry.Sector)} to {numbers.Tariff(entry.Tariff ?? 0)}%";
            return entry.Sectors is { Count: > 0 } sectors && all ? $"{text} ({string.Join(", ", sectors)})" : text;
        }

        public override string Describe(EventOutcome entry) =>
            $"tariffs set: {string.Join("; ", (entry.Sectors ?? []).Select(sector => new TariffChange(new TariffLine(entry.Importer!, entry.Exporter!, sector), entry.Tariff!.Value).Text))}";
    }
}
