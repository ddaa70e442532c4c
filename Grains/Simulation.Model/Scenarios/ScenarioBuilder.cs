using Simulation.Model.Economics;
namespace Simulation.Model.Scenarios;

/// <summary>
/// Checks a parsed document against the scenario format (DESIGN §6.1) and builds the
/// <see cref="Scenario"/>. Every problem is recorded and reading goes on, so that one load reports
/// everything; the scenario is built only when nothing was wrong.
/// </summary>
internal sealed class ScenarioBuilder
{
    public const string DefaultUnits = "USD millions";
    public const int DefaultRounds = 60;

    private static readonly string[] s_topKeys =
        ["name", "description", "seed", "units", "model", "rounds", "sectors", "countries", "trade", "domestic", "supply", "inputs", "negotiations", "events"];

    /// <summary>Top-level keys that describe markets, which a scenario in <c>units: utility</c> has not.</summary>
    private static readonly string[] s_marketKeys = ["model", "sectors", "trade", "domestic", "supply", "inputs"];

    private static readonly string[] s_tradeKeys = ["importer", "exporter", "sector", "value", "tariff", "quota", EstimateReader.Key];

    /// <summary>The market models of DESIGN §3.2, in its order; without <c>model:</c>, gsim.</summary>
    private readonly InputErrorList _errors;

    private ScenarioBuilder(InputErrorList errors) => _errors = errors;

    /// <summary>Builds the scenario, or returns null with the reasons in <paramref name="errors"/>.</summary>
    public static Scenario? Build(YamlNode root, InputErrorList errors) => new ScenarioBuilder(errors).Build(root);

    private Scenario? Build(YamlNode root)
    {
        var top = MappingFields.Open(new YamlField(root, ""), _errors, "the top level of a scenario", s_topKeys);
        if (top is null)
        {
            return null;
        }

        var name = top.Required("name") is { } nameField ? ScalarReader.NonEmptyText(nameField, _errors) : null;
        var description = top.Optional("description") is { } descriptionField && !IsNull(descriptionField)
            ? ScalarReader.Text(descriptionField, _errors)
            : null;
        var seed = top.Optional(ScenarioSeed.Key) is { } seedField ? ScenarioSeed.Read(seedField, _errors) ?? 0 : 0;
        var units = top.Optional("units") is { } unitsField ? ScalarReader.NonEmptyText(unitsField, _errors) : DefaultUnits;
        var model = top.Optional("model") is { } modelField ? RegistryName.Read(modelField, MarketModels.Registry, _errors, "model") ?? MarketModels.Default : MarketModels.Default;
        var rounds = top.Optional("rounds") is { } roundsField ? ReadRounds(roundsField, _errors) ?? DefaultRounds : DefaultRounds;

        var inUtilityUnits = units == Scenario.UtilityUnits;
        if (inUtilityUnits)
        {
            RefuseMarketKeys(top);
        }

        var world = new ScenarioWorld(_errors, rounds, inUtilityUnits);
        var sectors = !inUtilityUnits && top.Optional("sectors") is { } sectorsField ? SectorReader.ReadAll(sectorsField, world, _errors) : [];
        var countries = top.Optional("countries") is { } countriesField ? CountryReader.ReadAll(countriesField, world, _errors) : [];
        world.CheckLaterReferences();
        var trade = !inUtilityUnits && top.Optional("trade") is { } tradeField ? ReadTrade(tradeField, world) : [];
        var domestic = !inUtilityUnits && top.Optional("domestic") is { } domesticField ? DomesticReader.ReadAll(domesticField, world, _errors) : [];
        var supply = !inUtilityUnits && top.Optional("supply") is { } supplyField
            ? SupplyReader.CheckAgainstListedSales(SupplyReader.ReadAll(supplyField, world, _errors), trade, domestic, _errors)
            : [];
        var inputs = !inUtilityUnits && top.Optional("inputs") is { } inputsField ? ReadInputs(inputsField, world, model, trade, domestic, supply) : [];
        world.Blocks = LinkedBlocks.Of(sectors.Select(s => s.Name), inputs);
        var negotiations = top.Optional("negotiations") is { } negotiationsField
            ? NegotiationReader.ReadAll(negotiationsField, world, _errors)
            : [];
        var events = top.Optional("events") is { } eventsField ? EventReader.ReadAll(eventsField, world, _errors) : [];
        CheckDeferredStarts(world);
        world.CheckTariffsAgainstQuotas();

        if (_errors.Count > 0 || name is null || units is null)
        {
            return null;
        }

        return new Scenario(name, description, seed, units, model, rounds, sectors, countries, trade, domestic, negotiations) { Events = events, Estimates = world.Estimates, Supply = supply, Inputs = inputs };
    }

    /// <summary>
    /// <c>inputs</c> (DESIGN §3.2 "Vertical links"), which only the models that price inputs can solve:
    /// the linear SMART form has no producer price to net input costs out of.
    /// </summary>
    private List<InputShare> ReadInputs(YamlField field, ScenarioWorld world, IMarketModel model, IReadOnlyList<TradeFlow> trade, IReadOnlyList<DomesticSales> domestic, IReadOnlyList<TotalSales> supply)
    {
        if (model is not ILinkedMarketModel)
        {
            _errors.Add(field.Node, field.Path,
                $"inputs need a model that prices inputs ({string.Join(" or ", MarketModels.Registry.Entries.OfType<ILinkedMarketModel>().Select(m => m.Name))}); model {model.Name} has no producer price to net input costs out of");
        }

        return InputReader.ReadAll(field, world, trade, domestic, supply, _errors);
    }

    /// <summary>A negotiation declared <c>start: deferred</c> that no <c>start</c> event names could never open: a mistake, not a plan.</summary>
    private void CheckDeferredStarts(ScenarioWorld world)
    {
        foreach (var (id, declared) in world.Negotiations)
        {
            if (declared is { Deferred: true, StartField: { } at } && !world.StartedByEvents.Contains(id))
            {
                _errors.Add(at.Node, at.Path,
                    $"negotiation {Quoted.Text(id)} is declared start: {NegotiationStart.DeferredName} but no event starts it; add an event of type start naming it, or give start a round");
            }
        }
    }

    /// <summary>Reads a deadline in rounds: a positive integer up to <see cref="ScenarioLimits.MaxRounds"/>.</summary>
    public static int? ReadRounds(YamlField field, InputErrorList errors) =>
        (int?)ScalarReader.Integer(field, errors, min: 1, max: ScenarioLimits.MaxRounds);

    /// <summary>
    /// A scenario in <c>units: utility</c> (DESIGN §4.2) states utilities directly: it has no market,
    /// so sectors, trade, home sales and a market model would mean nothing, and are refused rather
    /// than ignored.
    /// </summary>
    private void RefuseMarketKeys(MappingFields top)
    {
        foreach (var key in s_marketKeys)
        {
            if (top.Optional(key) is { } field)
            {
                _errors.Add(field.Node, field.Path,
                    $"a scenario in units: {Scenario.UtilityUnits} has no markets, so no {key}: its discrete issues state the parties' utilities directly");
            }
        }
    }

    private List<TradeFlow> ReadTrade(YamlField field, ScenarioWorld world)
    {
        var flows = new List<TradeFlow>();
        if (field.Node is not YamlSequence rows)
        {
            _errors.Add(field.Node, field.Path,
                $"trade must be a list of flows {{ importer, exporter, sector, value, tariff }}, got {field.Node.Describe()}");
            return flows;
        }

        for (var i = 0; i < rows.Items.Count; i++)
        {
            var row = new YamlField(rows.Items[i], DocumentPath.Index(field.Path, i));
            var fields = MappingFields.Open(row, _errors, "a trade flow", s_tradeKeys);
            if (fields is null)
            {
                continue;
            }

            var importer = fields.Required("importer") is { } im ? world.CountryReference(im) : null;
            var exporterField = fields.Required("exporter");
            var exporter = exporterField is { } ex ? world.CountryReference(ex) : null;
            var sector = fields.Required("sector") is { } se ? world.SectorReference(se) : null;
            var value = fields.Required("value") is { } va ? ScalarReader.InRange(va, _errors, ScenarioRanges.Value) : null;
            var tariff = fields.Required("tariff") is { } ta ? ScalarReader.InRange(ta, _errors, ScenarioRanges.TariffPercent) : null;
            var quotaField = fields.Optional("quota");
            var quota = quotaField is { } qf ? QuotaReader.Read(qf, _errors, tariff) : null;
            EstimateReader.Read(fields, "a trade flow", world, _errors,
                new("value", ScenarioRanges.Value, value), new("tariff", ScenarioRanges.TariffPercent, tariff));

            if (importer is null || exporter is null || sector is null)
            {
                continue;
            }

            if (importer == exporter)
            {
                _errors.Add(exporterField!.Value.Node, exporterField.Value.Path,
                    $"importer and exporter are both {Quoted.Text(importer)}; a flow is between two different countries");
                continue;
            }

            var key = new ScenarioWorld.FlowKey(importer, exporter, sector);
            if (world.Flows.TryGetValue(key, out var first))
            {
                _errors.Add(row.Node, row.Path, $"duplicate trade flow ({key}); the first is {first.Path}, line {first.Line}");
                continue;
            }

            world.Flows.Add(key, new ScenarioWorld.DeclaredFlow(row.Path, row.Node.Line, tariff, quota));
            if (quota is not null)
            {
                var inQuotaPath = DocumentPath.Key(DocumentPath.Key(row.Path, "quota"), "in_quota_tariff");
                world.QuotaFloors.Add(new ScenarioWorld.QuotaFloor(key, quota.InQuotaTariffPercent, inQuotaPath, quotaField!.Value.Node.Line));
            }

            // Every line's estimate, not only a quota's in trade: a quota issue of any negotiation
            // can put a quota on a line that has none.
            CheckTariffEstimate(row, key, world);

            flows.Add(new TradeFlow(importer, exporter, sector, value ?? 0, tariff ?? 0, quota));
        }

        return flows;
    }

    /// <summary>
    /// A sensitivity analysis draws a tariff marked as an estimate from its range, so on a line with
    /// a quota the range's low end is a tariff the line can take, held to the in-quota floor as well.
    /// </summary>
    private static void CheckTariffEstimate(YamlField row, ScenarioWorld.FlowKey key, ScenarioWorld world)
    {
        var tariffPath = DocumentPath.Key(row.Path, "tariff");
        if (world.Estimates.FindLast(e => e.Path == tariffPath) is not { } estimate
            || row.Node is not YamlMapping flow || flow.Find(EstimateReader.Key)?.Value is not YamlMapping marks
            || marks.Find("tariff")?.Value is not YamlMapping range || range.Find("low") is not { } low)
        {
            return;
        }

        var lowPath = DocumentPath.Key(DocumentPath.Key(DocumentPath.Key(row.Path, EstimateReader.Key), "tariff"), "low");
        world.TariffSettings.Add(new ScenarioWorld.TariffSetting(key, estimate.Low, new YamlField(low.Value, lowPath), "the low end of the tariff's estimate"));
    }

    private static bool IsNull(YamlField field) => field.Node is YamlScalar { IsNull: true };
}
