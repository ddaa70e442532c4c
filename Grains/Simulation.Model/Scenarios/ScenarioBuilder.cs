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
    public const string InfiniteWord = "infinite";

    private static readonly string[] s_topKeys =
        ["name", "description", "seed", "units", "model", "rounds", "sectors", "countries", "trade", "negotiations"];

    private static readonly string[] s_sectorKeys = ["demand_elasticity", "substitution_elasticity", "supply_elasticity"];
    private static readonly string[] s_countryKeys = ["name", "negotiates", "objective", "strategy"];
    private static readonly string[] s_tradeKeys = ["importer", "exporter", "sector", "value", "tariff"];

    // DESIGN §3 names these; saying "not available yet" tells users the file is right and the code is behind.
    private static readonly Dictionary<string, MarketModelKind> s_models = new(StringComparer.Ordinal) { ["ces"] = MarketModelKind.Ces };
    private static readonly string[] s_plannedModels = ["gsim", "smart"];
    private static readonly Dictionary<string, ObjectiveKind> s_objectives = new(StringComparer.Ordinal) { ["mercantilist"] = ObjectiveKind.Mercantilist };
    private static readonly string[] s_plannedObjectives = ["welfare", "political"];

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
        var seed = top.Optional("seed") is { } seedField ? ScalarReader.Integer(seedField, _errors) ?? 0 : 0;
        var units = top.Optional("units") is { } unitsField ? ScalarReader.NonEmptyText(unitsField, _errors) : DefaultUnits;
        var model = top.Optional("model") is { } modelField ? ReadModel(modelField) : MarketModelKind.Ces;
        var rounds = top.Optional("rounds") is { } roundsField ? ReadRounds(roundsField, _errors) ?? DefaultRounds : DefaultRounds;

        var world = new ScenarioWorld(_errors, rounds);
        var sectors = top.Optional("sectors") is { } sectorsField ? ReadSectors(sectorsField, world) : [];
        var countries = top.Optional("countries") is { } countriesField ? ReadCountries(countriesField, world) : [];
        var trade = top.Optional("trade") is { } tradeField ? ReadTrade(tradeField, world) : [];
        var negotiations = top.Optional("negotiations") is { } negotiationsField
            ? NegotiationReader.ReadAll(negotiationsField, world, _errors)
            : [];

        if (_errors.Count > 0 || name is null || units is null)
        {
            return null;
        }

        return new Scenario(name, description, seed, units, model, rounds, sectors, countries, trade, negotiations);
    }

    /// <summary>Reads a deadline in rounds: a positive integer up to <see cref="ScenarioLimits.MaxRounds"/>.</summary>
    public static int? ReadRounds(YamlField field, InputErrorList errors) =>
        (int?)ScalarReader.Integer(field, errors, min: 1, max: ScenarioLimits.MaxRounds);

    private MarketModelKind ReadModel(YamlField field)
    {
        var text = ScalarReader.Text(field, _errors);
        if (text is null)
        {
            return MarketModelKind.Ces;
        }

        if (s_models.TryGetValue(text, out var kind))
        {
            return kind;
        }

        var verdict = s_plannedModels.Contains(text, StringComparer.Ordinal) ? "is not available yet" : "is unknown";
        _errors.Add(field.Node, field.Path, $"model {Quoted.Text(text)} {verdict} (available: {Listing.Of(s_models.Keys)})");
        return MarketModelKind.Ces;
    }

    private List<Sector> ReadSectors(YamlField field, ScenarioWorld world)
    {
        var sectors = new List<Sector>();
        if (!ExpectMapping(field, "sectors", "a mapping from sector name to its elasticities"))
        {
            return sectors;
        }

        foreach (var entry in ((YamlMapping)field.Node).Entries)
        {
            var id = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, id);
            if (!ScenarioIds.IsName(id))
            {
                _errors.Add(entry.Key, path, $"sector name {Quoted.Text(id)} is not allowed: use {ScenarioIds.NameRule}");
            }

            var sector = ReadSector(id, new YamlField(entry.Value, path));
            sectors.Add(sector);
            world.Sectors[id] = sector;
        }

        return sectors;
    }

    private Sector ReadSector(string id, YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, $"sector {Quoted.Text(id)}", s_sectorKeys);
        if (fields is null)
        {
            return new Sector(id, 1, 1, double.PositiveInfinity);
        }

        var demand = fields.Required("demand_elasticity") is { } d ? PositiveNumber(d) : null;
        var substitution = fields.Required("substitution_elasticity") is { } s ? PositiveNumber(s) : null;
        var supply = fields.Optional("supply_elasticity") is { } x ? ReadSupplyElasticity(x) : double.PositiveInfinity;
        return new Sector(id, demand ?? 1, substitution ?? 1, supply ?? double.PositiveInfinity);
    }

    private double? ReadSupplyElasticity(YamlField field)
    {
        // The only place where infinity is meaningful, and it is spelled as a word: YAML's .inf is
        // refused everywhere so that a typo cannot turn a number into infinity.
        if (field.Node is YamlScalar { Value: InfiniteWord })
        {
            return double.PositiveInfinity;
        }

        if (field.Node is YamlScalar { IsPlain: true } scalar && scalar.Value.TrimStart('+').ToLowerInvariant() is ".inf" or "inf" or "infinity")
        {
            _errors.Add(field.Node, field.Path, $"write infinite supply as the word '{InfiniteWord}', not {scalar.Describe()}");
            return null;
        }

        return PositiveNumber(field, $" or '{InfiniteWord}'");
    }

    private List<Country> ReadCountries(YamlField field, ScenarioWorld world)
    {
        var countries = new List<Country>();
        if (!ExpectMapping(field, "countries", "a mapping from country id (like CAN) to its settings"))
        {
            return countries;
        }

        foreach (var entry in ((YamlMapping)field.Node).Entries)
        {
            var id = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, id);
            if (!ScenarioIds.IsCountryId(id))
            {
                _errors.Add(entry.Key, path, $"country id {Quoted.Text(id)} is not allowed: use {ScenarioIds.CountryIdRule}");
            }

            var country = ReadCountry(id, new YamlField(entry.Value, path));
            countries.Add(country);
            world.Countries[id] = country;
        }

        return countries;
    }

    private Country ReadCountry(string id, YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, $"country {Quoted.Text(id)}", s_countryKeys);
        if (fields is null)
        {
            return new Country(id, id, true, ObjectiveKind.Mercantilist, StrategySpec.Default);
        }

        var name = fields.Optional("name") is { } n ? ScalarReader.NonEmptyText(n, _errors) ?? id : id;
        var negotiates = fields.Optional("negotiates") is { } g ? ScalarReader.Boolean(g, _errors) ?? true : true;
        var objective = fields.Optional("objective") is { } o ? ReadObjective(o) : ObjectiveKind.Mercantilist;
        var strategy = fields.Optional("strategy") is { } s ? StrategyReader.Read(s, _errors) : null;
        return new Country(id, name, negotiates, objective, strategy ?? StrategySpec.Default);
    }

    private ObjectiveKind ReadObjective(YamlField field)
    {
        var text = ScalarReader.Text(field, _errors);
        if (text is null)
        {
            return ObjectiveKind.Mercantilist;
        }

        if (s_objectives.TryGetValue(text, out var kind))
        {
            return kind;
        }

        var verdict = s_plannedObjectives.Contains(text, StringComparer.Ordinal) ? "is not available yet" : "is unknown";
        _errors.Add(field.Node, field.Path, $"objective {Quoted.Text(text)} {verdict} (available: {Listing.Of(s_objectives.Keys)})");
        return ObjectiveKind.Mercantilist;
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
            var value = fields.Required("value") is { } va ? NonNegativeNumber(va) : null;
            var tariff = fields.Required("tariff") is { } ta ? NonNegativeNumber(ta, " (percent)") : null;

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

            world.Flows.Add(key, new ScenarioWorld.DeclaredFlow(row.Path, row.Node.Line, tariff));
            flows.Add(new TradeFlow(importer, exporter, sector, value ?? 0, tariff ?? 0));
        }

        return flows;
    }

    private bool ExpectMapping(YamlField field, string name, string expected)
    {
        if (field.Node is YamlMapping)
        {
            return true;
        }

        _errors.Add(field.Node, field.Path, $"{name} must be {expected}, got {field.Node.Describe()}");
        return false;
    }

    private double? PositiveNumber(YamlField field, string alternative = "")
    {
        var value = ScalarReader.Number(field, _errors);
        if (value is <= 0)
        {
            _errors.Add(field.Node, field.Path, $"must be a number > 0{alternative}, got {ScalarReader.Show(value.Value)}");
            return null;
        }

        return value;
    }

    private double? NonNegativeNumber(YamlField field, string unit = "")
    {
        var value = ScalarReader.Number(field, _errors);
        if (value is < 0)
        {
            _errors.Add(field.Node, field.Path, $"must be a number ≥ 0{unit}, got {ScalarReader.Show(value.Value)}");
            return null;
        }

        return value;
    }

    private static bool IsNull(YamlField field) => field.Node is YamlScalar { IsNull: true };
}
