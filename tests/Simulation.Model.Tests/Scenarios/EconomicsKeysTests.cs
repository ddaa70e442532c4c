using Simulation.Model.Economics.Objectives;
using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// The scenario keys the economics reads (DESIGN §3.1, §3.3, §6.1): <c>domestic</c> sales,
/// per-market elasticity overrides under a sector's <c>markets</c>, and a country's
/// <c>lobby_weights</c> and <c>partner_weights</c>. Error tests break one line of
/// <see cref="ScenarioText.Base"/> and state the line, column, path and message expected.
/// </summary>
public sealed class EconomicsKeysTests
{
    private const string Economics = """
        name: Economics
        model: smart
        sectors:
          canola_oil:
            demand_elasticity: 1.2
            substitution_elasticity: 6.6
            supply_elasticity: 3
            markets:
              IDN: { demand_elasticity: 0.8, substitution_elasticity: 5 }
              CHN: { substitution_elasticity: 9 }
          footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }
        countries:
          CAN:
            objective: political
            lobby_weights: { footwear: 0.5, canola_oil: 0 }
            partner_weights: { USA: 0.8, IDN: 1.5 }   # USA is declared below
          IDN: { objective: welfare }
          CHN: {}
          USA: {}
        trade:
          - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }
          - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }
        domestic:
          - { country: CAN, sector: footwear, value: 400 }
          - { country: IDN, sector: canola_oil, value: 0 }
        """;

    [Fact]
    public void Domestic_sales_overrides_and_weights_become_the_records()
    {
        var scenario = ScenarioLoader.Parse(Economics, "economics.yaml");

        scenario.Model.Should().Be(SmartMarketModel.Instance);
        scenario.Domestic.Should().Equal(new DomesticSales("CAN", "footwear", 400), new DomesticSales("IDN", "canola_oil", 0));

        // Records compare by value, overrides and weights included, whatever their order.
        scenario.Sector("canola_oil").Should().Be(new Sector("canola_oil", 1.2, 6.6, 3)
        {
            Markets = new IdMap<ElasticityOverride>([new("CHN", new ElasticityOverride(null, 9)), new("IDN", new ElasticityOverride(0.8, 5))]),
        });
        scenario.Sector("footwear").Markets.Should().BeEmpty();
        scenario.Country("CAN").Should().Be(new Country("CAN", "CAN", true, PoliticalObjective.Instance, StrategySpec.Default)
        {
            LobbyWeights = new IdMap<double>([new("footwear", 0.5), new("canola_oil", 0)]),
            PartnerWeights = new IdMap<double>([new("USA", 0.8), new("IDN", 1.5)]),
        });
        scenario.Country("IDN").Objective.Should().Be(WelfareObjective.Instance);
    }

    [Fact]
    public void A_market_takes_its_overrides_and_the_sector_s_elasticities_for_the_rest()
    {
        var canola = ScenarioLoader.Parse(Economics, "economics.yaml").Sector("canola_oil");

        canola.ElasticitiesFor("IDN").Should().Be(new MarketElasticities(0.8, 5, 5));
        canola.ElasticitiesFor("CHN").Should().Be(new MarketElasticities(1.2, 9, 9), "only σ is overridden in China");
        canola.ElasticitiesFor("CAN").Should().Be(new MarketElasticities(1.2, 6.6, 6.6), "Canada's market has no override");
    }

    [Fact]
    public void Weights_have_their_defaults_where_the_file_is_silent()
    {
        var scenario = ScenarioLoader.Parse(Economics, "economics.yaml");

        var can = scenario.Country("CAN");
        can.LobbyWeight("footwear").Should().Be(0.5);
        can.PartnerWeight("USA").Should().Be(0.8);
        can.PartnerWeight("CHN").Should().Be(1, "ω defaults to 1");
        scenario.Country("IDN").LobbyWeight("canola_oil").Should().Be(0, "λ defaults to 0");
        scenario.Country("IDN").LobbyWeights.Should().BeEmpty();
        scenario.Country("IDN").PartnerWeights.Should().BeEmpty();
    }

    [Fact]
    public void Without_domestic_sales_the_list_is_empty()
    {
        ScenarioLoader.Parse(Base, FileName).Domestic.Should().BeEmpty();
    }

    [Fact]
    public void Domestic_rows_must_name_declared_countries_and_sectors_with_a_value_of_at_least_zero()
    {
        const string row0 = "  - { country: USA, sector: canola_oil, value: 10 }";
        const string row1 = "  - { country: CAN, sector: steel, value: 10 }";
        const string row2 = "  - { country: CAN, sector: footwear, value: -5 }";
        const string row3 = "  - { country: IDN, sector: footwear }";
        var errors = ErrorsOf(WithLine(11, string.Join("\n", BaseLines[10], "domestic:", row0, row1, row2, row3)));

        errors.Should().HaveCount(4);
        errors.At("domestic[0].country").Should().Be(new InputError(FileName, 13, ColumnOf(row0, "USA"), "domestic[0].country",
            "unknown country 'USA' (declared: CAN, IDN, ROW)"));
        errors.At("domestic[1].sector").Should().Be(new InputError(FileName, 14, ColumnOf(row1, "steel"), "domestic[1].sector",
            "unknown sector 'steel' (declared: canola_oil, footwear)"));
        errors.At("domestic[2].value").Should().Be(new InputError(FileName, 15, ColumnOf(row2, "-5"), "domestic[2].value",
            "must be 0 or a number from 1e-6 to 1e9, got -5"));
        errors.At("domestic[3].value").Should().Be(new InputError(FileName, 16, ColumnOf(row3, "{"), "domestic[3].value",
            "missing required key 'value'"));
    }

    [Fact]
    public void Domestic_sales_are_unique_per_country_and_sector()
    {
        var error = SingleErrorOf(WithLine(11, BaseLines[10] + """

            domestic:
              - { country: CAN, sector: footwear, value: 400 }
              - { country: IDN, sector: footwear, value: 90 }
              - { country: CAN, sector: footwear, value: 10 }
            """));

        error.Should().Be(new InputError(FileName, 15, 5, "domestic[2]",
            "duplicate domestic sales (country CAN, sector footwear); the first is domestic[0], line 13"));
    }

    [Fact]
    public void Domestic_rows_allow_exactly_country_sector_value_and_its_estimate()
    {
        const string row = "  - { country: CAN, sector: footwear, value: 400, tariff: 0 }";
        var error = SingleErrorOf(WithLine(11, BaseLines[10] + "\ndomestic:\n" + row));

        error.Should().BeEquivalentTo(new
        {
            Line = 13, Column = ColumnOf(row, "tariff"), Path = "domestic[0].tariff",
            Message = "unknown key 'tariff' (expected one of: country, sector, value, estimate)",
        });
    }

    [Fact]
    public void Domestic_must_be_a_list()
    {
        var error = SingleErrorOf(WithLine(11, BaseLines[10] + "\ndomestic: { CAN: 400 }"));

        error.Should().Be(new InputError(FileName, 12, 11, "domestic", "domestic must be a list of home sales { country, sector, value }, got a mapping"));
    }

    [Fact]
    public void Market_overrides_name_declared_importers_even_though_countries_come_later()
    {
        const string line = "    markets: { IDN: { demand_elasticity: 0.8 }, USA: { substitution_elasticity: 5 } }";
        var error = SingleErrorOf(WithLine(3, "  canola_oil:\n    demand_elasticity: 1.2\n    substitution_elasticity: 6.6\n" + line));

        error.Should().Be(new InputError(FileName, 6, ColumnOf(line, "USA"), "sectors.canola_oil.markets.USA",
            "unknown country 'USA' (declared: CAN, IDN, ROW)"));
    }

    [Fact]
    public void Market_overrides_take_positive_demand_and_substitution_elasticities_only()
    {
        const string line = "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, markets: { IDN: { demand_elasticity: 0, supply_elasticity: 2 } } }";
        var errors = ErrorsOf(WithLine(3, line));

        errors.Should().HaveCount(2);
        errors.At("sectors.canola_oil.markets.IDN.demand_elasticity").Should().Be(new InputError(FileName, 3,
            ColumnOf(line, "0,"), "sectors.canola_oil.markets.IDN.demand_elasticity", "must be a number > 0 and ≤ 100, got 0"));
        errors.At("sectors.canola_oil.markets.IDN.supply_elasticity").Message.Should().Be(
            "unknown key 'supply_elasticity' (expected one of: demand_elasticity, substitution_elasticity, domestic_substitution_elasticity, estimate)");
    }

    [Fact]
    public void Markets_must_be_a_mapping_by_importer()
    {
        const string line = "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, markets: [IDN] }";
        var error = SingleErrorOf(WithLine(3, line));

        error.Should().Be(new InputError(FileName, 3, ColumnOf(line, "[IDN]"), "sectors.canola_oil.markets",
            "markets must be a mapping from importer (a country id) to its demand_elasticity, substitution_elasticity and domestic_substitution_elasticity, got a list"));
    }

    [Fact]
    public void Lobby_weights_are_for_declared_sectors_and_not_negative()
    {
        const string line = "  CAN: { objective: political, lobby_weights: { footwear: -0.5, dairy: 1 } }";
        var errors = ErrorsOf(WithLine(6, line));

        errors.Should().HaveCount(2);
        errors.At("countries.CAN.lobby_weights.footwear").Should().Be(new InputError(FileName, 6, ColumnOf(line, "-0.5"),
            "countries.CAN.lobby_weights.footwear", "must be a number from 0 to 100, got -0.5"));
        errors.At("countries.CAN.lobby_weights.dairy").Should().Be(new InputError(FileName, 6, ColumnOf(line, "dairy"),
            "countries.CAN.lobby_weights.dairy", "unknown sector 'dairy' (declared: canola_oil, footwear)"));
    }

    [Fact]
    public void Partner_weights_are_for_other_declared_countries_and_not_negative()
    {
        const string line = "  CAN: { partner_weights: { CAN: 2, USA: 0.8, ROW: -1, IDN: 1.5 } }";
        var errors = ErrorsOf(WithLine(6, line));

        errors.Should().HaveCount(3);
        errors.At("countries.CAN.partner_weights.CAN").Should().Be(new InputError(FileName, 6, ColumnOf(line, "CAN: 2"),
            "countries.CAN.partner_weights.CAN", "'CAN' is this country; partner weights are for the countries it exports to"));
        errors.At("countries.CAN.partner_weights.USA").Should().Be(new InputError(FileName, 6, ColumnOf(line, "USA"),
            "countries.CAN.partner_weights.USA", "unknown country 'USA' (declared: CAN, IDN, ROW)"));
        errors.At("countries.CAN.partner_weights.ROW").Message.Should().Be("must be a number from 0 to 100, got -1");
    }

    [Fact]
    public void Weights_must_be_mappings()
    {
        var errors = ErrorsOf(WithLine(6, "  CAN: { lobby_weights: 0.5, partner_weights: [IDN] }"));

        errors.At("countries.CAN.lobby_weights").Message.Should().Be("lobby_weights must be a mapping from sector to its lobby weight λ ≥ 0, got '0.5'");
        errors.At("countries.CAN.partner_weights").Message.Should().Be("partner_weights must be a mapping from partner (a country id) to its weight ω ≥ 0, got a list");
    }

    [Fact]
    public void A_misspelt_country_key_gets_a_suggestion()
    {
        var error = SingleErrorOf(WithLine(6, "  CAN: { lobby_weight: { footwear: 1 } }"));

        error.Message.Should().Be(
            "unknown key 'lobby_weight' (expected one of: name, negotiates, objective, lobby_weights, partner_weights, strategy, reservation, discount, utility_cap); did you mean 'lobby_weights'?");
    }

    [Fact]
    public void Errors_in_the_new_keys_are_all_reported_at_once_in_file_order()
    {
        var text = With(
            (3, "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, markets: { XYZ: {} } }"),
            (6, "  CAN: { lobby_weights: { steel: 1 } }"),
            (11, BaseLines[10] + "\ndomestic:\n  - { country: CAN, sector: footwear, value: -1 }"));

        var errors = ErrorsOf(text);

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (3, "sectors.canola_oil.markets.XYZ"),
            (6, "countries.CAN.lobby_weights.steel"),
            (13, "domestic[0].value"));
    }
}
