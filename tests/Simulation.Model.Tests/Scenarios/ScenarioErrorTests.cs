using Simulation.Model.Economics.Objectives;
using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// One test per kind of mistake in an otherwise valid scenario (<see cref="ScenarioText.Base"/>):
/// each states the line, column, path and message it expects.
/// </summary>
public sealed class ScenarioErrorTests
{
    [Fact]
    public void The_base_scenario_is_valid()
    {
        ScenarioLoader.Parse(Base, FileName).Negotiations.Should().ContainSingle();
    }

    [Fact]
    public void Unknown_top_level_key_is_reported_at_the_key_with_the_keys_allowed()
    {
        var error = SingleErrorOf("name: x\nrouns: 5\n");

        error.Should().Be(new InputError(FileName, 2, 1, "rouns",
            "unknown key 'rouns' (expected one of: name, description, seed, units, model, rounds, sectors, countries, trade, domestic, supply, inputs, negotiations, events); did you mean 'rounds'?"));
    }

    [Fact]
    public void Unknown_key_far_from_every_allowed_key_gets_no_suggestion()
    {
        SingleErrorOf("name: x\nlobby_weights: {}\n").Message.Should().EndWith("negotiations, events)");
    }

    [Fact]
    public void Unknown_key_in_a_negotiation_has_its_path_line_and_column()
    {
        // Line 14 becomes two lines; the misspelt key is on line 15, indented by 4.
        var error = SingleErrorOf(WithLine(14, "    parties: [CAN, IDN]\n    rouns: 30"));

        error.Line.Should().Be(15);
        error.Column.Should().Be(5);
        error.Path.Should().Be("negotiations[0].rouns");
        error.Message.Should().Be("unknown key 'rouns' (expected one of: id, parties, protocol, rounds, first, issues, strategies, reservations, discounts, start); did you mean 'rounds'?");
    }

    [Fact]
    public void Missing_required_key_points_at_the_mapping_that_lacks_it()
    {
        const string line4 = "  footwear: { demand_elasticity: 1.5 }";
        var error = SingleErrorOf(WithLine(4, line4));

        error.Should().Be(new InputError(FileName, 4, ColumnOf(line4, "{"), "sectors.footwear.substitution_elasticity",
            "missing required key 'substitution_elasticity'"));
    }

    [Fact]
    public void Missing_name_is_an_error()
    {
        var error = SingleErrorOf("seed: 1\n");

        error.Should().BeEquivalentTo(new { Line = 1, Column = 1, Path = "name", Message = "missing required key 'name'" });
    }

    [Fact]
    public void Unknown_sector_in_an_issue_names_the_declared_ones()
    {
        const string line16 = "      - { importer: IDN, exporter: CAN, sector: canola, levels: [5, 2.5, 0] }";
        var error = SingleErrorOf(WithLine(16, line16));

        error.Should().Be(new InputError(FileName, 16, ColumnOf(line16, "canola"), "negotiations[0].issues[0].sector",
            "unknown sector 'canola' (declared: canola_oil, footwear)"));
    }

    [Fact]
    public void Unknown_country_in_trade_names_the_declared_ones()
    {
        const string row = "  - { importer: IDN, exporter: USA, sector: canola_oil, value: 6, tariff: 5 }";
        var error = SingleErrorOf(WithLine(11, BaseLines[10] + "\n" + row));

        error.Should().Be(new InputError(FileName, 12, ColumnOf(row, "USA"), "trade[2].exporter",
            "unknown country 'USA' (declared: CAN, IDN, ROW)"));
    }

    [Fact]
    public void Negative_tariff_in_trade_is_refused()
    {
        const string line11 = "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: -18 }";
        var error = SingleErrorOf(WithLine(11, line11));

        error.Should().Be(new InputError(FileName, 11, ColumnOf(line11, "-18"), "trade[1].tariff",
            "must be a number from 0 to 10000 (percent), got -18"));
    }

    [Fact]
    public void Negative_trade_value_is_refused()
    {
        var error = SingleErrorOf(WithLine(10, "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: -1, tariff: 5 }"));

        error.Path.Should().Be("trade[0].value");
        error.Message.Should().Be("must be 0 or a number from 1e-6 to 1e9, got -1");
    }

    [Fact]
    public void Non_integer_rounds_is_refused()
    {
        var error = SingleErrorOf("name: x\nrounds: 2.5\n");

        error.Should().Be(new InputError(FileName, 2, 9, "rounds", "expected an integer, got 2.5"));
    }

    [Fact]
    public void Zero_rounds_in_a_negotiation_is_refused_with_the_range_allowed()
    {
        var error = SingleErrorOf(WithLine(14, "    parties: [CAN, IDN]\n    rounds: 0"));

        error.Should().Be(new InputError(FileName, 15, 13, "negotiations[0].rounds", "must be an integer from 1 to 100000, got 0"));
    }

    [Fact]
    public void A_quoted_number_is_text_and_refused_where_a_number_is_needed()
    {
        var error = SingleErrorOf("name: x\nseed: \"42\"\n");

        error.Should().Be(new InputError(FileName, 2, 7, "seed", "expected an integer, got the quoted text '42'"));
    }

    [Fact]
    public void Integral_numbers_written_with_a_fraction_or_exponent_are_integers()
    {
        ScenarioLoader.Parse("name: x\nrounds: 2.0\nseed: 1e3\n", FileName).Should().Match<Scenario>(s => s.Rounds == 2 && s.Seed == 1000);
    }

    [Theory]
    [InlineData("1e16", 10_000_000_000_000_000L)]                 // the same integer as 10000000000000000
    [InlineData("9007199254740993.0", 9_007_199_254_740_993L)]   // 2^53 + 1, which no double holds
    [InlineData("9.2e18", 9_200_000_000_000_000_000L)]
    [InlineData("-9223372036854775808.0", long.MinValue)]
    public void A_seed_in_exponent_or_fraction_form_is_read_exactly_as_in_digits(string text, long expected)
    {
        ScenarioLoader.Parse($"name: x\nseed: {text}\n", FileName).Seed.Should().Be(expected);
    }

    [Theory]
    [InlineData(".nan")]
    [InlineData(".inf")]
    [InlineData("-.Inf")]
    [InlineData("NaN")]
    public void NaN_and_infinity_are_refused_as_numbers(string text)
    {
        var error = SingleErrorOf(WithLine(10, $"  - {{ importer: IDN, exporter: CAN, sector: canola_oil, value: {text}, tariff: 5 }}"));

        error.Path.Should().Be("trade[0].value");
        error.Message.Should().Be($"expected a number, got '{text}' (NaN and infinities are not allowed)");
    }

    [Fact]
    public void Infinite_supply_must_be_the_word_infinite()
    {
        var ok = ScenarioLoader.Parse(WithLine(4, "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4, supply_elasticity: infinite }"), FileName);
        ok.Sector("footwear").SupplyElasticity.Should().Be(double.PositiveInfinity);

        var error = SingleErrorOf(WithLine(4, "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4, supply_elasticity: .inf }"));
        error.Path.Should().Be("sectors.footwear.supply_elasticity");
        error.Message.Should().Be("write infinite supply as the word 'infinite', not '.inf'");
    }

    [Fact]
    public void Elasticities_must_be_positive()
    {
        var errors = ErrorsOf(WithLine(3, "  canola_oil: { demand_elasticity: 0, substitution_elasticity: -6.6, supply_elasticity: 0 }"));

        errors.Should().HaveCount(3);
        errors.At("sectors.canola_oil.demand_elasticity").Message.Should().Be("must be a number > 0 and ≤ 100, got 0");
        errors.At("sectors.canola_oil.substitution_elasticity").Message.Should().Be("must be a number > 0 and ≤ 100, got -6.6");
        errors.At("sectors.canola_oil.supply_elasticity").Message.Should().Be("must be a number > 0 and ≤ 100, or 'infinite', got 0");
    }

    [Fact]
    public void Booleans_are_true_or_false_only()
    {
        const string line8 = "  ROW: { negotiates: no }";
        var error = SingleErrorOf(WithLine(8, line8));

        error.Should().Be(new InputError(FileName, 8, ColumnOf(line8, "no"), "countries.ROW.negotiates", "expected true or false, got 'no'"));
    }

    [Fact]
    public void Issue_importer_that_is_not_a_party_is_refused()
    {
        const string line16 = "      - { importer: ROW, exporter: CAN, sector: canola_oil, levels: [5, 2.5, 0] }";
        var error = SingleErrorOf(WithLine(16, line16));

        error.Should().Be(new InputError(FileName, 16, ColumnOf(line16, "ROW"), "negotiations[0].issues[0].importer",
            "'ROW' is not a party of this negotiation (parties: CAN, IDN)"));
    }

    [Fact]
    public void Issue_with_the_same_importer_and_exporter_is_refused()
    {
        const string line16 = "      - { importer: IDN, exporter: IDN, sector: canola_oil, levels: [5, 2.5, 0] }";
        var error = SingleErrorOf(WithLine(16, line16));

        error.Path.Should().Be("negotiations[0].issues[0].exporter");
        error.Column.Should().Be(line16.LastIndexOf("IDN", StringComparison.Ordinal) + 1);
        error.Message.Should().Be("importer and exporter are both 'IDN'; they must be two different parties");
    }

    [Fact]
    public void First_level_other_than_the_flow_tariff_is_refused_stating_both()
    {
        const string line16 = "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [4, 2.5, 0] }";
        var error = SingleErrorOf(WithLine(16, line16));

        error.Should().Be(new InputError(FileName, 16, ColumnOf(line16, "4,"), "negotiations[0].issues[0].levels[0]",
            "the first level is the status quo and must equal the tariff of trade[0] (line 10), 5; got 4"));
    }

    [Fact]
    public void First_level_of_a_from_to_issue_is_from_and_must_equal_the_flow_tariff()
    {
        const string line17 = "      - { importer: CAN, exporter: IDN, sector: footwear, from: 17.5, to: 0, steps: 4 }";
        var error = SingleErrorOf(WithLine(17, line17));

        error.Should().Be(new InputError(FileName, 17, ColumnOf(line17, "17.5"), "negotiations[0].issues[1].from",
            "the first level is the status quo and must equal the tariff of trade[1] (line 11), 18; got 17.5"));
    }

    [Fact]
    public void Issue_without_a_trade_flow_is_refused_naming_the_flow()
    {
        // Footwear is declared, but Indonesia's footwear imports from Canada are not in trade.
        const string line16 = "      - { importer: IDN, exporter: CAN, sector: footwear, levels: [5, 0] }";
        var error = SingleErrorOf(WithLine(16, line16));

        error.Should().Be(new InputError(FileName, 16, 9, "negotiations[0].issues[0]",
            "no trade flow (importer IDN, exporter CAN, sector footwear) in trade; an issue needs one, since its first level is that flow's tariff"));
    }

    [Fact]
    public void Two_issues_on_the_same_line_of_one_negotiation_are_refused()
    {
        var error = SingleErrorOf(WithLine(17, "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 1] }"));

        error.Should().Be(new InputError(FileName, 17, 9, "negotiations[0].issues[1]",
            "this negotiation already has an issue on (importer IDN, exporter CAN, sector canola_oil): negotiations[0].issues[0]"));
    }

    [Fact]
    public void Levels_and_from_to_steps_together_are_refused()
    {
        var error = SingleErrorOf(WithLine(17, "      - { importer: CAN, exporter: IDN, sector: footwear, levels: [18, 0], from: 18, to: 0, steps: 4 }"));

        error.Should().BeEquivalentTo(new
        {
            Line = 17, Column = 9, Path = "negotiations[0].issues[1]", Message = "give either levels or from/to/steps, not both",
        });
    }

    [Fact]
    public void Levels_must_be_distinct_non_negative_and_finite()
    {
        var errors = ErrorsOf(WithLine(16, "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, -1, 2.5, 5.0, .inf] }"));

        errors.Should().HaveCount(3);
        errors.At("negotiations[0].issues[0].levels[1]").Message.Should().Be("must be a number from 0 to 10000 (percent), got -1");
        errors.At("negotiations[0].issues[0].levels[3]").Message.Should().Be("level 5 appears twice (also at negotiations[0].issues[0].levels[0])");
        errors.At("negotiations[0].issues[0].levels[4]").Message.Should().Contain("NaN and infinities are not allowed");
    }

    [Fact]
    public void Steps_must_be_a_positive_integer()
    {
        var error = SingleErrorOf(WithLine(17, "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 0 }"));

        error.Path.Should().Be("negotiations[0].issues[1].steps");
        error.Message.Should().Be("must be an integer from 1 to 999, got 0");
    }

    [Fact]
    public void Party_that_does_not_negotiate_is_refused()
    {
        const string line14 = "    parties: [CAN, ROW]";
        var errors = ErrorsOf(WithLine(14, line14));

        errors.At("negotiations[0].parties[1]").Should().BeEquivalentTo(new
        {
            Line = 14, Column = ColumnOf(line14, "ROW"), Message = "country 'ROW' does not negotiate (it has negotiates: false)",
        });
    }

    [Fact]
    public void Alternating_offers_needs_exactly_two_parties()
    {
        var error = SingleErrorOf(With(
            (8, "  ROW: {}"),
            (14, "    parties: [CAN, IDN, ROW]")));

        error.Should().Be(new InputError(FileName, 14, 14, "negotiations[0].parties",
            "protocol 'alternating-offers' takes exactly 2 parties, got 3 (CAN, IDN, ROW)"));
    }

    [Fact]
    public void Parties_must_be_at_least_two_distinct_countries()
    {
        var errors = ErrorsOf(WithLine(14, "    parties: [CAN, CAN]"));

        errors.At("negotiations[0].parties[1]").Message.Should().Be("'CAN' is listed twice among the parties");
        errors.At("negotiations[0].parties").Message.Should().Be("a negotiation needs at least 2 distinct parties, got 1");
    }

    [Fact]
    public void First_must_be_a_party()
    {
        var error = SingleErrorOf(WithLine(14, "    parties: [CAN, IDN]\n    first: ROW"));

        error.Should().Be(new InputError(FileName, 15, 12, "negotiations[0].first", "first must be one of the parties (CAN, IDN), got 'ROW'"));
    }

    [Fact]
    public void Strategy_overrides_must_be_for_parties()
    {
        var error = SingleErrorOf(WithLine(14, "    parties: [CAN, IDN]\n    strategies: { ROW: linear }"));

        error.Should().Be(new InputError(FileName, 15, 19, "negotiations[0].strategies.ROW",
            "'ROW' is not a party of this negotiation (parties: CAN, IDN)"));
    }

    [Fact]
    public void Duplicate_negotiation_ids_are_refused()
    {
        var text = Base + "  - id: CAN-IDN\n    parties: [IDN, CAN]\n    issues:\n" + BaseLines[16] + "\n";
        var error = SingleErrorOf(text);

        error.Should().Be(new InputError(FileName, 18, 9, "negotiations[1].id", "duplicate negotiation id 'CAN-IDN' (first at negotiations[0].id, line 13)"));
    }

    [Fact]
    public void Duplicate_trade_rows_are_refused()
    {
        var error = SingleErrorOf(WithLine(11, BaseLines[10] + "\n  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 1, tariff: 5 }"));

        error.Should().Be(new InputError(FileName, 12, 5, "trade[2]",
            "duplicate trade flow (importer IDN, exporter CAN, sector canola_oil); the first is trade[0], line 10"));
    }

    [Fact]
    public void Country_ids_are_letters_and_digits()
    {
        var error = SingleErrorOf(WithLine(8, "  ROW: { negotiates: false }\n  U-S: {}"));

        error.Should().Be(new InputError(FileName, 9, 3, "countries.U-S", "country id 'U-S' is not allowed: it holds '-'; use 1 to 64 ASCII letters and digits, like CAN or ROW"));
    }

    [Fact]
    public void Sector_names_exclude_blanks_and_wildcards()
    {
        var error = SingleErrorOf(WithLine(4, "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }\n  \"*\": { demand_elasticity: 1, substitution_elasticity: 2 }"));

        error.Should().Be(new InputError(FileName, 5, 3, "sectors[\"*\"]",
            "sector name '*' is not allowed: it holds '*'; use 1 to 64 ASCII letters, digits, '_', '-' and '.', starting with a letter, digit or '_'"));
    }

    [Fact]
    public void An_issue_needs_at_least_two_levels()
    {
        const string line16 = "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5] }";
        var error = SingleErrorOf(WithLine(16, line16));

        error.Should().Be(new InputError(FileName, 16, ColumnOf(line16, "[5]"), "negotiations[0].issues[0].levels",
            "an issue needs from 2 to 1000 levels (the status quo first), got 1"));
    }

    [Fact]
    public void Strategy_exponent_must_not_be_negative()
    {
        const string line6 = "  CAN: { name: Canada, strategy: { type: time-dependent, e: -1 } }";
        var error = SingleErrorOf(WithLine(6, line6));

        error.Should().Be(new InputError(FileName, 6, ColumnOf(line6, "-1"), "countries.CAN.strategy.e",
            "must be a number from 0 to 100, got -1"));
    }

    [Fact]
    public void Strategy_k_must_be_within_zero_and_one_and_e_defaults_to_linear()
    {
        // Ranges and defaults come from the registry entry of time-dependent: e in [0, 100], default 1; k in [0, 1].
        var errors = ErrorsOf(WithLine(6, "  CAN: { name: Canada, strategy: { type: time-dependent, k: 1.5 } }"));

        errors.Should().ContainSingle();
        errors.At("countries.CAN.strategy.k").Message.Should().Be("must be a number from 0 to 1, got 1.5");
    }

    [Fact]
    public void Unknown_strategy_preset_lists_the_presets()
    {
        var error = SingleErrorOf(WithLine(6, "  CAN: { name: Canada, strategy: bulware }"));

        error.Path.Should().Be("countries.CAN.strategy");
        error.Message.Should().Be("unknown strategy 'bulware' (presets: boulware, linear, conceder, hardliner, tit-for-tat, backward-induction, random; "
            + "or a map with type and its parameters); did you mean 'boulware'?");
    }

    [Fact]
    public void A_parameter_the_strategy_does_not_declare_is_refused_with_the_keys_it_takes()
    {
        var error = SingleErrorOf(WithLine(6, "  CAN: { strategy: { type: tit-for-tat, e: 1 } }"));

        error.Path.Should().Be("countries.CAN.strategy.e");
        error.Message.Should().Be("unknown key 'e' (expected one of: type, acceptance, opponent_model)");
    }

    [Fact]
    public void A_misspelt_parameter_gets_a_suggestion()
    {
        var error = SingleErrorOf(WithLine(6, "  CAN: { strategy: { type: time-dependent, ee: 1 } }"));

        error.Path.Should().Be("countries.CAN.strategy.ee");
        error.Message.Should().Be("unknown key 'ee' (expected one of: type, e, k, acceptance, opponent_model); did you mean 'e'?");
    }

    [Fact]
    public void Unknown_components_are_named_with_what_is_available()
    {
        var errors = ErrorsOf(WithLine(6,
            "  CAN: { strategy: { type: time-dependant, acceptance: { type: constant, alpha: 1.2 }, opponent_model: frequncy } }"));

        errors.Should().HaveCount(3);
        errors.At("countries.CAN.strategy.type").Message.Should().Be(
            "strategy type 'time-dependant' is unknown (available: time-dependent, tit-for-tat, backward-induction, random); did you mean 'time-dependent'?");
        errors.At("countries.CAN.strategy.acceptance.alpha").Message.Should().Be("must be a number from 0 to 1, got 1.2");
        errors.At("countries.CAN.strategy.opponent_model").Message.Should().Be(
            "opponent model 'frequncy' is unknown (available: economic, frequency, perfect, none); did you mean 'frequency'?");
    }

    [Fact]
    public void A_constant_acceptance_needs_its_threshold()
    {
        var error = SingleErrorOf(WithLine(6, "  CAN: { strategy: { type: random, acceptance: constant } }"));

        error.Path.Should().Be("countries.CAN.strategy.acceptance");
        error.Message.Should().Be("acceptance condition 'constant' needs alpha: write { type: constant, alpha: … }");
    }

    [Fact]
    public void Backward_induction_takes_no_acceptance_condition()
    {
        var error = SingleErrorOf(WithLine(6, "  CAN: { strategy: { type: backward-induction, acceptance: next } }"));

        error.Path.Should().Be("countries.CAN.strategy.acceptance");
        error.Message.Should().Be("backward-induction decides acceptance itself (its subgame-perfect responses); remove acceptance");
    }

    [Theory]
    [InlineData("gsim", typeof(GsimMarketModel))]
    [InlineData("ces", typeof(CesMarketModel))]
    [InlineData("smart", typeof(SmartMarketModel))]
    public void The_three_models_of_the_design_are_available(string model, Type kind)
    {
        ScenarioLoader.Parse($"name: x\nmodel: {model}\n", FileName).Model.Should().BeOfType(kind);
    }

    [Fact]
    public void An_unknown_model_lists_the_models_available()
    {
        // Every registry name is read alike, so a model one edit or two from a known one gets a "did you mean".
        SingleErrorOf("name: x\nmodel: cge\n").Should().Be(new InputError(FileName, 2, 8, "model", "model 'cge' is unknown (available: gsim, ces, smart); did you mean 'ces'?"));
    }

    [Theory]
    [InlineData("mercantilist", typeof(MercantilistObjective))]
    [InlineData("welfare", typeof(WelfareObjective))]
    [InlineData("political", typeof(PoliticalObjective))]
    public void The_three_objectives_of_the_design_are_available(string objective, Type kind)
    {
        ScenarioLoader.Parse(WithLine(6, $"  CAN: {{ objective: {objective} }}"), FileName).Country("CAN").Objective.Should().BeOfType(kind);
    }

    [Fact]
    public void An_unknown_objective_lists_the_objectives_available()
    {
        const string line6 = "  CAN: { objective: utilitarian }";
        var error = SingleErrorOf(WithLine(6, line6));

        error.Should().Be(new InputError(FileName, 6, ColumnOf(line6, "utilitarian"), "countries.CAN.objective",
            "objective 'utilitarian' is unknown (available: mercantilist, welfare, political)"));
    }

    [Fact]
    public void An_unknown_protocol_lists_the_protocols_of_the_registry()
    {
        const string line15 = "    protocol: monotonic-concession";
        var error = SingleErrorOf(WithLine(14, "    parties: [CAN, IDN]\n" + line15));

        error.Should().Be(new InputError(FileName, 15, ColumnOf(line15, "monotonic"), "negotiations[0].protocol",
            "protocol 'monotonic-concession' is unknown (available: alternating-offers, stacked-alternating-offers, single-text)"));
    }

    [Fact]
    public void A_misspelt_protocol_gets_a_suggestion()
    {
        const string line15 = "    protocol: stacked-alternating-offer";
        var error = SingleErrorOf(WithLine(14, "    parties: [CAN, IDN]\n" + line15));

        error.Message.Should().EndWith("; did you mean 'stacked-alternating-offers'?");
    }

    [Theory]
    [InlineData("stacked-alternating-offers")]
    [InlineData("single-text")]
    public void Multilateral_protocols_take_three_parties(string protocol)
    {
        var scenario = ScenarioLoader.Parse(With(
            (8, "  ROW: {}"),
            (14, $"    parties: [CAN, IDN, ROW]\n    protocol: {protocol}")), FileName);

        scenario.Negotiation("CAN-IDN").Protocol.Should().Be(protocol);
        scenario.Negotiation("CAN-IDN").Parties.Should().Equal("CAN", "IDN", "ROW");
    }

    [Fact]
    public void Several_errors_are_all_reported_at_once_in_file_order()
    {
        var text = With(
            (1, "name: Test\nrouns: 3"),                                                                  // line 2
            (8, "  ROW: { negotiates: maybe }"),                                                          // line 9
            (11, "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: -18 }"),     // line 12
            (16, "      - { importer: IDN, exporter: CAN, sector: canola, levels: [5, 2.5, 0] }"));     // line 17

        var errors = ErrorsOf(text);

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (2, "rouns"),
            (9, "countries.ROW.negotiates"),
            (12, "trade[1].tariff"),
            (17, "negotiations[0].issues[0].sector"));
        errors.Should().OnlyContain(e => e.File == FileName);
    }

    [Fact]
    public void Error_text_is_compiler_style()
    {
        SingleErrorOf("name: x\nrouns: 5\n").ToString().Should().StartWith("test.yaml:2:1: rouns: unknown key 'rouns'");
    }
}
