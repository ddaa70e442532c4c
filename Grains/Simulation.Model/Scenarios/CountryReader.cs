using Simulation.Model.Economics.Objectives;
namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads <c>countries</c>: each country's name, whether it negotiates, its objective with the
/// weights the objective uses (DESIGN §3.3: <c>lobby_weights</c> by sector, <c>partner_weights</c>
/// by partner), its default strategy, and a reservation utility and per-offer discount factor set
/// directly (DESIGN §4.2), which a negotiation's <c>reservations</c>/<c>discounts</c> override, and in a
/// utility scenario the most an outcome can be worth to it (<c>utility_cap</c>).
/// </summary>
internal sealed class CountryReader
{
    private static readonly string[] s_keys = ["name", "negotiates", "objective", "lobby_weights", "partner_weights", "strategy", "reservation", "discount", "utility_cap"];

    private readonly ScenarioWorld _world;
    private readonly InputErrorList _errors;

    private CountryReader(ScenarioWorld world, InputErrorList errors)
    {
        _world = world;
        _errors = errors;
    }

    public static List<Country> ReadAll(YamlField field, ScenarioWorld world, InputErrorList errors)
    {
        var reader = new CountryReader(world, errors);
        return KeyedMapping.Read(
            field,
            errors,
            "countries must be a mapping from country id (like CAN) to its settings",
            (ScenarioIds.IsCountryId, "country id", ScenarioIds.CountryIdProblem),
            (id, entry) => world.Countries[id] = reader.Read(id, entry));
    }

    /// <summary>Reads <c>lobby_weights</c> as a country's settings do, for a <c>set-weights</c> event.</summary>
    public static IdMap<double> LobbyWeights(YamlField field, ScenarioWorld world, InputErrorList errors) =>
        new CountryReader(world, errors).ReadLobbyWeights(field);

    /// <summary>
    /// Reads <c>partner_weights</c> of <paramref name="country"/> as its settings do, for a
    /// <c>set-weights</c> event; partners are checked by the next <see cref="ScenarioWorld.CheckLaterReferences"/>.
    /// </summary>
    public static IdMap<double> PartnerWeights(string country, YamlField field, ScenarioWorld world, InputErrorList errors) =>
        new CountryReader(world, errors).ReadPartnerWeights(country, field);

    private Country Read(string id, YamlField field)
    {
        var fields = MappingFields.Open(field, _errors, $"country {Quoted.Text(id)}", s_keys);
        if (fields is null)
        {
            return new Country(id, id, true, GovernmentObjectives.Default, StrategySpec.Default);
        }

        var name = fields.Optional("name") is { } n ? ScalarReader.NonEmptyText(n, _errors) ?? id : id;
        var negotiates = fields.Optional("negotiates") is { } g ? ScalarReader.Boolean(g, _errors) ?? true : true;
        var objective = fields.Optional("objective") is { } o ? RegistryName.Read(o, GovernmentObjectives.Registry, _errors, "objective") ?? GovernmentObjectives.Default : GovernmentObjectives.Default;
        var lobbies = fields.Optional("lobby_weights") is { } l ? ReadLobbyWeights(l) : IdMap<double>.Empty;
        var partners = fields.Optional("partner_weights") is { } p ? ReadPartnerWeights(id, p) : IdMap<double>.Empty;
        var strategy = fields.Optional("strategy") is { } s ? StrategyReader.Read(s, _errors) : null;
        var reservation = fields.Optional("reservation") is { } r ? ScalarReader.InRange(r, _errors, ScenarioRanges.Reservation) : null;
        var discount = fields.Optional("discount") is { } d ? ScalarReader.InRange(d, _errors, ScenarioRanges.Discount) : null;
        var cap = fields.Optional("utility_cap") is { } c ? ReadUtilityCap(c) : null;
        return new Country(id, name, negotiates, objective, strategy ?? StrategySpec.Default)
        {
            LobbyWeights = lobbies,
            PartnerWeights = partners,
            Reservation = reservation,
            Discount = discount,
            UtilityCap = cap,
        };
    }

    /// <summary><c>utility_cap: 1</c>: only where the numbers are utilities (<c>units: utility</c>); in money units utilities are normalised to [0, 1] anyway.</summary>
    private double? ReadUtilityCap(YamlField field)
    {
        if (!_world.InUtilityUnits)
        {
            _errors.Add(field.Node, field.Path, $"utility_cap is for a scenario in units: {Scenario.UtilityUnits}, whose numbers are utilities; here utilities are normalised to 0–1");
            return null;
        }

        return ScalarReader.InRange(field, _errors, ScenarioRanges.UtilityCap);
    }

    /// <summary><c>lobby_weights: { footwear: 0.5 }</c>: λ_s in [0, 100] for declared sectors (read before countries).</summary>
    private IdMap<double> ReadLobbyWeights(YamlField field) =>
        ReadWeights(field, "lobby_weights must be a mapping from sector to its lobby weight λ ≥ 0", ScenarioRanges.LobbyWeight, (key, path) => _world.SectorKey(key, path));

    /// <summary>
    /// <c>partner_weights: { USA: 0.8 }</c>: ω_p in [0, 100] for declared countries other than this one
    /// (exports to oneself are home sales). Partners may be declared further down, so they are
    /// checked once every country is read.
    /// </summary>
    private IdMap<double> ReadPartnerWeights(string country, YamlField field) =>
        ReadWeights(field, "partner_weights must be a mapping from partner (a country id) to its weight ω ≥ 0", ScenarioRanges.PartnerWeight, (key, path) =>
        {
            if (key.Value == country)
            {
                _errors.Add(key, path, $"{Quoted.Text(country)} is this country; partner weights are for the countries it exports to");
                return false;
            }

            _world.CountryKeyLater(key, path);
            return true;
        });

    private IdMap<double> ReadWeights(YamlField field, string expected, NumberRange range, Func<YamlScalar, string, bool> checkKey)
    {
        if (field.Node is not YamlMapping mapping)
        {
            _errors.Add(field.Node, field.Path, $"{expected}, got {field.Node.Describe()}");
            return IdMap<double>.Empty;
        }

        var weights = new List<KeyValuePair<string, double>>();
        foreach (var entry in mapping.Entries)
        {
            var path = DocumentPath.Key(field.Path, entry.Key.Value);
            var known = checkKey(entry.Key, path);
            if (ScalarReader.InRange(new YamlField(entry.Value, path), _errors, range) is { } weight && known)
            {
                weights.Add(new(entry.Key.Value, weight));
            }
        }

        return new IdMap<double>(weights);
    }
}
