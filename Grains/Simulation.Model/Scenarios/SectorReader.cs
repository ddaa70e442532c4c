namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>sectors</c>: each sector's elasticities, and per-importer overrides of ε and σ under
/// <c>markets</c>. Sectors are read before countries, so the importers named there are checked
/// once every country is known (<see cref="ScenarioWorld.CountryKeyLater"/>).
/// </summary>
internal sealed class SectorReader
{
    public const string InfiniteWord = "infinite";

    private const string DomesticSubstitutionKey = "domestic_substitution_elasticity";

    private static readonly string[] s_keys =
        ["demand_elasticity", "substitution_elasticity", DomesticSubstitutionKey, "supply_elasticity", "markets", EstimateReader.Key];

    private static readonly string[] s_marketKeys = ["demand_elasticity", "substitution_elasticity", DomesticSubstitutionKey, EstimateReader.Key];

    private readonly ScenarioWorld _world;
    private readonly InputErrorList _errors;

    private SectorReader(ScenarioWorld world, InputErrorList errors)
    {
        _world = world;
        _errors = errors;
    }

    public static List<Sector> ReadAll(YamlField field, ScenarioWorld world, InputErrorList errors)
    {
        var reader = new SectorReader(world, errors);
        return KeyedMapping.Read(
            field,
            errors,
            "sectors must be a mapping from sector name to its elasticities",
            (ScenarioIds.IsName, "sector name", ScenarioIds.NameProblem),
            (id, entry) => world.Sectors[id] = reader.Read(id, entry));
    }

    private Sector Read(string id, YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, $"sector {Quoted.Text(id)}", s_keys);
        if (fields is null)
        {
            return new Sector(id, 1, 1, double.PositiveInfinity);
        }

        var demand = fields.Required("demand_elasticity") is { } d ? ScalarReader.InRange(d, _errors, ScenarioRanges.Elasticity) : null;
        var substitution = fields.Required("substitution_elasticity") is { } s ? ScalarReader.InRange(s, _errors, ScenarioRanges.Elasticity) : null;
        var domestic = fields.Optional(DomesticSubstitutionKey) is { } ds ? ScalarReader.InRange(ds, _errors, ScenarioRanges.Elasticity) : null;
        var supply = fields.Optional("supply_elasticity") is { } x ? ReadSupplyElasticity(x) : double.PositiveInfinity;
        var markets = fields.Optional("markets") is { } m ? ReadMarkets(id, m) : IdMap<ElasticityOverride>.Empty;
        EstimateReader.Read(fields, $"sector {Quoted.Text(id)}", _world, _errors,
            new("demand_elasticity", ScenarioRanges.Elasticity, demand),
            new("substitution_elasticity", ScenarioRanges.Elasticity, substitution),
            new(DomesticSubstitutionKey, ScenarioRanges.Elasticity, domestic),
            new("supply_elasticity", ScenarioRanges.SupplyElasticity, supply,
                double.IsPositiveInfinity(supply ?? 0) ? $"supply_elasticity is '{InfiniteWord}', a choice of model rather than a number; give a finite one to mark it as an estimate" : null));
        return new Sector(id, demand ?? 1, substitution ?? 1, supply ?? double.PositiveInfinity) { Markets = markets, DomesticSubstitutionElasticity = domestic };
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

        return ScalarReader.InRange(field, _errors, ScenarioRanges.SupplyElasticity);
    }

    /// <summary>
    /// <c>markets: { IDN: { demand_elasticity: 0.8 } }</c>: overrides by importer. Export supply is
    /// not among the keys: in gsim a supplier has one supply curve for all its markets.
    /// </summary>
    private IdMap<ElasticityOverride> ReadMarkets(string sector, YamlField field)
    {
        if (field.Node is not YamlMapping mapping)
        {
            _errors.Add(field.Node, field.Path,
                $"markets must be a mapping from importer (a country id) to its demand_elasticity, substitution_elasticity and {DomesticSubstitutionKey}, got {field.Node.Describe()}");
            return IdMap<ElasticityOverride>.Empty;
        }

        var overrides = new List<KeyValuePair<string, ElasticityOverride>>();
        foreach (var entry in mapping.Entries)
        {
            var importer = entry.Key.Value;
            var path = DocumentPath.Key(field.Path, importer);
            _world.CountryKeyLater(entry.Key, path);
            var fields = MappingFields.Open(
                new YamlField(entry.Value, path), _errors, $"the elasticities of sector {Quoted.Text(sector)} in market {Quoted.Text(importer)}", s_marketKeys);
            if (fields is null)
            {
                continue;
            }

            var demand = fields.Optional("demand_elasticity") is { } d ? ScalarReader.InRange(d, _errors, ScenarioRanges.Elasticity) : null;
            var substitution = fields.Optional("substitution_elasticity") is { } s ? ScalarReader.InRange(s, _errors, ScenarioRanges.Elasticity) : null;
            var domestic = fields.Optional(DomesticSubstitutionKey) is { } ds ? ScalarReader.InRange(ds, _errors, ScenarioRanges.Elasticity) : null;
            EstimateReader.Read(fields, $"market {Quoted.Text(importer)} of sector {Quoted.Text(sector)}", _world, _errors,
                new("demand_elasticity", ScenarioRanges.Elasticity, demand),
                new("substitution_elasticity", ScenarioRanges.Elasticity, substitution),
                new(DomesticSubstitutionKey, ScenarioRanges.Elasticity, domestic));
            overrides.Add(new(importer, new ElasticityOverride(demand, substitution) { DomesticSubstitutionElasticity = domestic }));
        }

        return new IdMap<ElasticityOverride>(overrides);
    }
}
