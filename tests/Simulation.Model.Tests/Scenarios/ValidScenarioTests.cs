using Simulation.Model.Economics.Objectives;
using Simulation.Model.Economics;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Scenarios;

public sealed class ValidScenarioTests
{
    internal const string Full = """
        name: Canada–Indonesia CEPA
        description: Tariff lines in the CEPA signed in September 2025.
        seed: 42
        units: USD millions
        model: ces
        rounds: 50
        sectors:
          canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }
          footwear:   { demand_elasticity: 1.5, substitution_elasticity: 4.0, supply_elasticity: infinite }
          steel:      { demand_elasticity: 0.8, substitution_elasticity: 5 }
        countries:
          CAN:
            name: Canada
            strategy: { type: time-dependent, e: 0.5 }
          IDN: { name: Indonesia, strategy: conceder, objective: mercantilist }
          PHL: {}
          ROW: { name: Rest of world, negotiates: false }
        trade:
          - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }
          - { importer: IDN, exporter: ROW, sector: canola_oil, value: 900, tariff: 5 }
          - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }
          - { importer: CAN, exporter: ROW, sector: footwear, value: 2500, tariff: 18 }
          - { importer: PHL, exporter: CAN, sector: steel, value: 33.5, tariff: 0.7 }
        negotiations:
          - id: CAN-IDN
            parties: [CAN, IDN]
            protocol: alternating-offers
            rounds: 40
            first: IDN
            issues:
              - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 2.5, 0] }
              - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 4 }
            strategies: { IDN: boulware, CAN: { type: time-dependent, e: 2, k: 0.1 } }
          - id: CAN-PHL
            parties: [PHL, CAN]
            issues:
              - importer: PHL
                exporter: CAN
                sector: steel
                from: 0.7
                to: 0.1
                steps: 3
        """;

    [Fact]
    public void Full_scenario_parses_into_the_expected_records_in_file_order()
    {
        var scenario = ScenarioLoader.Parse(Full, "cepa.yaml");

        scenario.Name.Should().Be("Canada–Indonesia CEPA");
        scenario.Description.Should().Be("Tariff lines in the CEPA signed in September 2025.");
        scenario.Seed.Should().Be(42);
        scenario.Units.Should().Be("USD millions");
        scenario.Model.Should().Be(CesMarketModel.Instance);
        scenario.Rounds.Should().Be(50);

        scenario.Sectors.Should().Equal(
            new Sector("canola_oil", 1.2, 6.6, 3),
            new Sector("footwear", 1.5, 4.0, double.PositiveInfinity),
            new Sector("steel", 0.8, 5, double.PositiveInfinity)); // supply elasticity defaults to infinite

        scenario.Countries.Should().Equal(
            new Country("CAN", "Canada", true, MercantilistObjective.Instance, StrategySpec.TimeDependent(0.5)),
            new Country("IDN", "Indonesia", true, MercantilistObjective.Instance, StrategySpec.Presets["conceder"].Strategy),
            new Country("PHL", "PHL", true, MercantilistObjective.Instance, StrategySpec.Default), // all defaults
            new Country("ROW", "Rest of world", false, MercantilistObjective.Instance, StrategySpec.Default));

        scenario.Trade.Should().Equal(
            new TradeFlow("IDN", "CAN", "canola_oil", 60, 5),
            new TradeFlow("IDN", "ROW", "canola_oil", 900, 5),
            new TradeFlow("CAN", "IDN", "footwear", 120, 18),
            new TradeFlow("CAN", "ROW", "footwear", 2500, 18),
            new TradeFlow("PHL", "CAN", "steel", 33.5, 0.7));

        scenario.Negotiations.Should().HaveCount(2);
        var cepa = scenario.Negotiations[0];
        cepa.Id.Should().Be("CAN-IDN");
        cepa.Parties.Should().Equal("CAN", "IDN");
        cepa.Protocol.Should().Be(NegotiationSpec.AlternatingOffers);
        cepa.Rounds.Should().Be(40);
        cepa.First.Should().Be("IDN");
        cepa.Issues.Should().HaveCount(2);
        cepa.Issues[0].Should().BeEquivalentTo(new TariffIssueSpec("IDN", "CAN", "canola_oil", [5, 2.5, 0]));
        cepa.Issues[1].Should().BeEquivalentTo(new TariffIssueSpec("CAN", "IDN", "footwear", [18, 13.5, 9, 4.5, 0]));
        cepa.Issues[1].Should().BeOfType<TariffIssueSpec>().Which.Levels.Should().Equal(18, 13.5, 9, 4.5, 0);
        cepa.Strategies.Should().BeEquivalentTo(new Dictionary<string, StrategySpec>
        {
            ["IDN"] = StrategySpec.Presets["boulware"].Strategy,
            ["CAN"] = StrategySpec.TimeDependent(2, 0.1),
        });

        // Defaults of a negotiation: protocol, the scenario's rounds, the first listed party, no overrides.
        var second = scenario.Negotiations[1];
        second.Parties.Should().Equal("PHL", "CAN");
        second.Protocol.Should().Be(NegotiationSpec.AlternatingOffers);
        second.Rounds.Should().Be(50);
        second.First.Should().Be("PHL");
        second.Strategies.Should().BeEmpty();
    }

    [Fact]
    public void Levels_from_to_steps_follow_the_formula_exactly_and_end_exactly_on_to()
    {
        var levels = ScenarioLoader.Parse(Full, "cepa.yaml").Negotiations[1].Issues.Cast<TariffIssueSpec>().First().Levels;

        // from + (to − from)·i/steps, bit for bit; the naive last value 0.7 + (0.1 − 0.7) is
        // 0.09999999999999998, so the end must be pinned to 'to' as written.
        levels.Should().Equal(0.7, 0.7 + (0.1 - 0.7) * 1 / 3, 0.7 + (0.1 - 0.7) * 2 / 3, 0.1);
        (0.7 + (0.1 - 0.7)).Should().NotBe(0.1, "otherwise this test could not tell the two apart");
    }

    [Fact]
    public void A_minimal_scenario_gets_every_default()
    {
        var scenario = ScenarioLoader.Parse("name: Minimal\n", "min.yaml");

        scenario.Should().BeEquivalentTo(new Scenario(
            "Minimal", null, 0, "USD millions", GsimMarketModel.Instance, 60, [], [], [], [], []));
    }

    [Fact]
    public void Json_input_is_accepted_and_means_the_same_as_yaml()
    {
        const string json = """
            {
              "name": "Canada–Indonesia CEPA",
              "seed": 42,
              "rounds": 50,
              "sectors": {
                "canola_oil": { "demand_elasticity": 1.2, "substitution_elasticity": 6.6, "supply_elasticity": 3 },
                "footwear": { "demand_elasticity": 1.5, "substitution_elasticity": 4.0, "supply_elasticity": "infinite" }
              },
              "countries": {
                "CAN": { "name": "Canada", "strategy": { "type": "time-dependent", "e": 0.5 } },
                "IDN": { "name": "Indonesia", "negotiates": true, "strategy": "conceder" }
              },
              "trade": [
                { "importer": "IDN", "exporter": "CAN", "sector": "canola_oil", "value": 60, "tariff": 5 },
                { "importer": "CAN", "exporter": "IDN", "sector": "footwear", "value": 120, "tariff": 18 }
              ],
              "negotiations": [
                {
                  "id": "CAN-IDN",
                  "parties": ["CAN", "IDN"],
                  "issues": [
                    { "importer": "IDN", "exporter": "CAN", "sector": "canola_oil", "levels": [5, 2.5, 0] },
                    { "importer": "CAN", "exporter": "IDN", "sector": "footwear", "from": 18, "to": 0, "steps": 4 }
                  ],
                  "strategies": { "IDN": "boulware" }
                }
              ]
            }
            """;

        var scenario = ScenarioLoader.Parse(json, "cepa.json");

        scenario.Name.Should().Be("Canada–Indonesia CEPA");
        scenario.Seed.Should().Be(42);
        scenario.Sectors.Should().Equal(
            new Sector("canola_oil", 1.2, 6.6, 3),
            new Sector("footwear", 1.5, 4.0, double.PositiveInfinity));
        scenario.Countries.Select(c => c.Strategy).Should().Equal(
            StrategySpec.TimeDependent(0.5), StrategySpec.Presets["conceder"].Strategy);
        scenario.Negotiations.Should().ContainSingle().Which.Issues.Cast<TariffIssueSpec>().Select(i => i.Levels.ToArray()).Should().BeEquivalentTo(
            new[] { new[] { 5, 2.5, 0 }, new[] { 18, 13.5, 9, 4.5, 0 } }, o => o.WithStrictOrdering());
    }

    [Fact]
    public void A_json_error_has_its_line_and_column_too()
    {
        var error = LoaderAssertions.SingleErrorOf("""
            {
              "name": "x",
              "rounds": "60"
            }
            """);

        // A quoted number is text, in JSON as in YAML.
        error.Should().BeEquivalentTo(new { Line = 3, Column = 13, Path = "rounds" });
        error.Message.Should().Contain("expected an integer").And.Contain("quoted");
    }

    [Fact]
    public void LoadFile_reads_a_file_and_names_it_as_given_in_errors()
    {
        var dir = Directory.CreateTempSubdirectory("tradesim-loader-");
        try
        {
            var good = Path.Combine(dir.FullName, "cepa.yaml");
            File.WriteAllText(good, Full);
            ScenarioLoader.LoadFile(good).Negotiations.Should().HaveCount(2);

            var bad = Path.Combine(dir.FullName, "bad.yaml");
            File.WriteAllText(bad, "name: x\nrouns: 3\n");
            var act = () => ScenarioLoader.LoadFile(bad);
            act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle()
                .Which.File.Should().Be(bad);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void LoadFile_of_a_missing_file_gives_one_error_naming_it()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"tradesim-missing-{Guid.NewGuid():N}.yaml");

        var act = () => ScenarioLoader.LoadFile(missing);

        var error = act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which;
        error.File.Should().Be(missing);
        error.Line.Should().BeNull();
        error.Message.Should().Contain("does not exist");
    }
}
