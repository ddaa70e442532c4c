using System.Text.Json;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// scenarios/schema.json is for editors, generated from the registries (<see cref="ScenarioSchema"/>);
/// these tests keep its keys and enumerations in step with what the loader accepts (the loader's own
/// tests pin those down), whatever generated them.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonElement s_schema = LoadSchema();

    [Fact]
    public void Schema_is_draft_2020_12()
    {
        s_schema.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }

    [Theory]
    [InlineData("", "name, description, seed, units, model, rounds, sectors, countries, trade, domestic, supply, inputs, negotiations, events")]
    [InlineData("sector", "demand_elasticity, substitution_elasticity, domestic_substitution_elasticity, supply_elasticity, markets, estimate")]
    [InlineData("marketElasticities", "demand_elasticity, substitution_elasticity, domestic_substitution_elasticity, estimate")]
    [InlineData("country", "name, negotiates, objective, lobby_weights, partner_weights, strategy, reservation, discount, utility_cap")]
    [InlineData("tradeFlow", "importer, exporter, sector, value, tariff, quota, estimate")]
    [InlineData("tradeQuota", "volume, in_quota_tariff, rent")]
    [InlineData("domesticSales", "country, sector, value, estimate")]
    [InlineData("totalSales", "country, sector, total, elsewhere_elasticity, estimate")]
    [InlineData("inputShare", "country, sector, input, share")]
    [InlineData("estimateRange", "low, high")]
    [InlineData("negotiation", "id, parties, protocol, rounds, first, issues, strategies, reservations, discounts, start")]
    [InlineData("whenStatus", "negotiation, status, agreement")]
    [InlineData("whenTariff", "tariff, below, above")]
    [InlineData("whenExports", "exports, change_below, change_above")]
    [InlineData("terminateEvent", "round, when, type, negotiation, by")]
    [InlineData("setTariffEvent", "round, when, type, importer, exporter, sector, tariff")]
    [InlineData("startEvent", "round, when, type, negotiation")]
    [InlineData("setStrategyEvent", "round, when, type, country, strategy")]
    [InlineData("setWeightsEvent", "round, when, type, country, lobby_weights, partner_weights")]
    [InlineData("tariffIssue", "importer, exporter, sector, levels, from, to, steps")]
    [InlineData("discreteIssue", "id, values, value")]
    [InlineData("trqIssue", "type, importer, exporter, sector, in_tariff, rent, levels")]
    public void Objects_allow_exactly_the_keys_the_loader_allows(string definition, string keys)
    {
        var node = definition.Length == 0 ? s_schema : s_schema.GetProperty("$defs").GetProperty(definition);

        node.GetProperty("additionalProperties").GetBoolean().Should().BeFalse();
        node.GetProperty("properties").EnumerateObject().Select(p => p.Name).Should().Equal(keys.Split(", "));
    }

    [Fact]
    public void Quota_rent_holders_are_those_the_loader_accepts()
    {
        s_schema.GetProperty("$defs").GetProperty("tradeQuota").GetProperty("properties").GetProperty("rent").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Should().Equal(QuotaReader.RentHolders.Keys);
        s_schema.GetProperty("$defs").GetProperty("trqIssue").GetProperty("properties").GetProperty("rent").GetProperty("enum")
            .EnumerateArray().Select(e => e.GetString()).Should().Equal(QuotaReader.RentHolders.Keys);
        s_schema.GetProperty("$defs").GetProperty("trqIssue").GetProperty("properties").GetProperty("type").GetProperty("const")
            .GetString().Should().Be(QuotaIssueReader.Type);
    }

    [Fact]
    public void Event_types_and_trigger_statuses_are_those_the_loader_reads()
    {
        var defs = s_schema.GetProperty("$defs");
        var types = defs.GetProperty("event").GetProperty("oneOf").EnumerateArray()
            .Select(e => defs.GetProperty(e.GetProperty("$ref").GetString()!.Split('/')[^1]).GetProperty("properties").GetProperty("type").GetProperty("const").GetString());
        types.Should().Equal(TerminateEvent.TypeName, SetTariffEvent.TypeName, StartEvent.TypeName, SetStrategyEvent.TypeName, SetWeightsEvent.TypeName);
        defs.GetProperty("whenStatus").GetProperty("properties").GetProperty("status").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(StatusTrigger.Statuses.Keys);
        var start = defs.GetProperty("negotiation").GetProperty("properties").GetProperty("start").GetProperty("oneOf");
        start[0].GetProperty("const").GetString().Should().Be(NegotiationStart.DeferredName);
    }

    [Fact]
    public void Strategy_presets_are_those_of_StrategySpec()
    {
        var presets = s_schema.GetProperty("$defs").GetProperty("strategy").GetProperty("oneOf")[0].GetProperty("enum");

        presets.EnumerateArray().Select(e => e.GetString()).Should().Equal(StrategySpec.Presets.Names);
    }

    [Fact]
    public void Strategy_components_and_their_parameters_are_those_of_the_registries()
    {
        var defs = s_schema.GetProperty("$defs");
        var map = defs.GetProperty("strategy").GetProperty("oneOf")[1].GetProperty("properties");
        map.GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(BiddingStrategies.Registry.Names);
        var parameters = BiddingStrategies.Registry.Entries.SelectMany(e => e.Parameters).ToList();
        map.EnumerateObject().Select(p => p.Name).Should().Equal(
            ["type", .. parameters.Select(p => p.Name), "acceptance", "opponent_model"]);
        foreach (var parameter in parameters)
        {
            var node = map.GetProperty(parameter.Name);
            (node.GetProperty("minimum").GetDouble(), node.GetProperty("maximum").GetDouble()).Should().Be((parameter.Min, parameter.Max));
            node.GetProperty("default").GetDouble().Should().Be(parameter.Default!.Value);
        }

        map.GetProperty("opponent_model").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(OpponentModels.Registry.Names);
        var acceptance = defs.GetProperty("acceptance").GetProperty("oneOf")[1].GetProperty("properties");
        acceptance.GetProperty("type").GetProperty("enum").EnumerateArray().Select(e => e.GetString())
            .Should().Equal(AcceptanceConditions.Registry.Names);
        acceptance.EnumerateObject().Select(p => p.Name).Should().Equal(
            ["type", .. AcceptanceConditions.Registry.Entries.SelectMany(e => e.Parameters).Select(p => p.Name)]);
    }

    [Fact]
    public void Models_and_objectives_are_those_the_loader_accepts_with_its_defaults()
    {
        var model = s_schema.GetProperty("properties").GetProperty("model");
        model.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("gsim", "ces", "smart");
        model.GetProperty("default").GetString().Should().Be("gsim");
        ScenarioLoader.Parse("name: x\n", "x.yaml").Model.Should().Be(GsimMarketModel.Instance);

        var objective = s_schema.GetProperty("$defs").GetProperty("country").GetProperty("properties").GetProperty("objective");
        objective.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal("mercantilist", "welfare", "political");
        objective.GetProperty("default").GetString().Should().Be("mercantilist");
    }

    [Fact]
    public void Protocols_are_those_of_the_registry_and_only_alternating_offers_caps_the_parties_at_two()
    {
        var negotiation = s_schema.GetProperty("$defs").GetProperty("negotiation");
        var protocol = negotiation.GetProperty("properties").GetProperty("protocol");
        protocol.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().Equal(Protocols.Registry.Names);
        protocol.GetProperty("default").GetString().Should().Be(NegotiationSpec.AlternatingOffers);

        // The registry: alternating offers takes exactly 2, the others at least 2 and no maximum.
        Protocols.Registry.Entries.Select(e => (e.Name, e.MinParties, e.MaxParties)).Should().Equal(
            ("alternating-offers", 2, (int?)2), ("stacked-alternating-offers", 2, null), ("single-text", 2, null));
        negotiation.GetProperty("properties").GetProperty("parties").GetProperty("minItems").GetInt32().Should().Be(2);
        negotiation.GetProperty("properties").GetProperty("parties").TryGetProperty("maxItems", out _).Should().BeFalse();
        // One cap, for the one protocol with a maximum; its "if" has no "required", as it is the default protocol.
        var cap = negotiation.GetProperty("allOf").EnumerateArray().Should().ContainSingle().Subject;
        cap.GetProperty("if").GetProperty("properties").GetProperty("protocol").GetProperty("const").GetString().Should().Be("alternating-offers");
        cap.GetProperty("if").TryGetProperty("required", out _).Should().BeFalse();
        cap.GetProperty("then").GetProperty("properties").GetProperty("parties").GetProperty("maxItems").GetInt32().Should().Be(2);
    }

    [Fact]
    public void Issues_are_tariff_or_discrete_issues_and_units_utility_is_described()
    {
        var items = s_schema.GetProperty("$defs").GetProperty("negotiation").GetProperty("properties").GetProperty("issues").GetProperty("items");
        items.GetProperty("oneOf").EnumerateArray().Select(e => e.GetProperty("$ref").GetString())
            .Should().Equal("#/$defs/tariffIssue", "#/$defs/discreteIssue", "#/$defs/trqIssue");
        s_schema.GetProperty("properties").GetProperty("units").GetProperty("description").GetString().Should().Contain($"'{Scenario.UtilityUnits}'");
    }

    [Fact]
    public void Limits_in_the_schema_are_those_of_ScenarioLimits()
    {
        var defs = s_schema.GetProperty("$defs");
        defs.GetProperty("rounds").GetProperty("maximum").GetInt32().Should().Be(ScenarioLimits.MaxRounds);
        defs.GetProperty("tariffIssue").GetProperty("properties").GetProperty("levels").GetProperty("maxItems").GetInt32()
            .Should().Be(ScenarioLimits.MaxLevelsPerIssue);
        defs.GetProperty("tariffIssue").GetProperty("properties").GetProperty("steps").GetProperty("maximum").GetInt32()
            .Should().Be(ScenarioLimits.MaxLevelsPerIssue - 1);
        defs.GetProperty("countryId").GetProperty("maxLength").GetInt32().Should().Be(ScenarioLimits.MaxIdLength);
    }

    [Fact]
    public void Numeric_ranges_in_the_schema_are_those_of_ScenarioRanges()
    {
        var defs = s_schema.GetProperty("$defs");
        double Number(JsonElement node, string key) => node.GetProperty(key).GetDouble();

        var elasticity = defs.GetProperty("elasticity");
        Number(elasticity, "exclusiveMinimum").Should().Be(0);
        Number(elasticity, "maximum").Should().Be(ScenarioRanges.MaxElasticity);
        foreach (var key in new[] { "demand_elasticity", "substitution_elasticity" })
        {
            defs.GetProperty("sector").GetProperty("properties").GetProperty(key).GetProperty("$ref").GetString().Should().Be("#/$defs/elasticity");
            defs.GetProperty("marketElasticities").GetProperty("properties").GetProperty(key).GetProperty("$ref").GetString().Should().Be("#/$defs/elasticity");
        }

        defs.GetProperty("sector").GetProperty("properties").GetProperty("supply_elasticity").GetProperty("oneOf")[0]
            .GetProperty("$ref").GetString().Should().Be("#/$defs/elasticity");

        var tariff = defs.GetProperty("tariff");
        (Number(tariff, "minimum"), Number(tariff, "maximum")).Should().Be((0, ScenarioRanges.MaxTariffPercent));

        var value = defs.GetProperty("value").GetProperty("oneOf");
        Number(value[0], "const").Should().Be(0);
        (Number(value[1], "minimum"), Number(value[1], "maximum")).Should().Be((ScenarioRanges.MinPositiveValue, ScenarioRanges.MaxValue));
        defs.GetProperty("tradeFlow").GetProperty("properties").GetProperty("value").GetProperty("$ref").GetString().Should().Be("#/$defs/value");
        defs.GetProperty("domesticSales").GetProperty("properties").GetProperty("value").GetProperty("$ref").GetString().Should().Be("#/$defs/value");

        var weight = defs.GetProperty("weight");
        (Number(weight, "minimum"), Number(weight, "maximum")).Should().Be((0, ScenarioRanges.MaxLobbyWeight));
        ScenarioRanges.MaxPartnerWeight.Should().Be(ScenarioRanges.MaxLobbyWeight, "both weights share the schema's weight");

        var reservation = defs.GetProperty("reservation");
        (Number(reservation, "minimum"), Number(reservation, "maximum")).Should().Be((0, 1));
        var discount = defs.GetProperty("discount");
        (Number(discount, "exclusiveMinimum"), Number(discount, "maximum")).Should().Be((0, 1));
        var discreteValue = defs.GetProperty("discreteValue");
        (Number(discreteValue, "minimum"), Number(discreteValue, "maximum")).Should().Be((-ScenarioRanges.MaxDiscreteValue, ScenarioRanges.MaxDiscreteValue));
        defs.GetProperty("label").GetProperty("maxLength").GetInt32().Should().Be(ScenarioLimits.MaxLabelLength);
        defs.GetProperty("discreteIssue").GetProperty("properties").GetProperty("values").GetProperty("maxItems").GetInt32()
            .Should().Be(ScenarioLimits.MaxLevelsPerIssue);

        var exponent = defs.GetProperty("strategy").GetProperty("oneOf")[1].GetProperty("properties").GetProperty("e");
        (Number(exponent, "minimum"), Number(exponent, "maximum")).Should().Be((0, ScenarioRanges.MaxConcessionExponent));
    }

    private static JsonElement LoadSchema()
    {
        // The tests run from bin/…; the schema lives at the repository root.
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "scenarios", "schema.json");
            if (File.Exists(candidate))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(candidate));
                return document.RootElement.Clone();
            }
        }

        throw new FileNotFoundException("scenarios/schema.json not found above " + AppContext.BaseDirectory);
    }
}
