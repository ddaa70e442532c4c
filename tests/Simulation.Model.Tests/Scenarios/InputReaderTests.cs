using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>Every mistake in <c>inputs:</c> reported at once, each at its file, line and path (DESIGN §3.2, §6.1).</summary>
public sealed class InputReaderTests
{
    private const string Head = """
        name: Inputs
        model: gsim
        sectors:
          seed: { demand_elasticity: 1.2, substitution_elasticity: 4, supply_elasticity: 2 }
          oil: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 3 }
          meal: { demand_elasticity: 1.5, substitution_elasticity: 5, supply_elasticity: 3 }
        countries:
          CAN: {}
          CHN: {}
        trade:
          - { importer: CHN, exporter: CAN, sector: seed, value: 100, tariff: 0 }
          - { importer: CAN, exporter: CHN, sector: oil, value: 100, tariff: 0 }
          - { importer: CAN, exporter: CHN, sector: meal, value: 100, tariff: 0 }
        inputs:

        """;

    [Fact]
    public void A_valid_table_is_read_in_file_order()
    {
        var scenario = ScenarioLoader.Parse(Head + """
              - { country: CHN, sector: oil, input: seed, share: 0.6 }
              - { country: CHN, sector: meal, input: seed, share: 0.3 }
            """, "inputs.yaml");

        scenario.Inputs.Should().Equal(new InputShare("CHN", "oil", "seed", 0.6), new InputShare("CHN", "meal", "seed", 0.3));
        scenario.Blocks.BlockOf("meal").Should().Equal("seed", "oil", "meal");
    }

    [Fact]
    public void Every_mistake_is_reported_at_once_with_line_and_path()
    {
        // Line 15 is the first row. I0 in China's seed market: 0.7 · 100 (oil) + 0.5 · 100 (meal) = 120 > E0 = 100.
        var errors = ErrorsOf(Head + """
              - { country: CHN, sector: oil, input: seed, share: 0.7 }
              - { country: XXX, sector: oil, input: seed, share: 0.1 }
              - { country: CHN, sector: oil, input: oil, share: 0.1 }
              - { country: CHN, sector: oil, input: seed, share: 0.2 }
              - { country: CHN, sector: meal, input: seed, share: 0.5 }
              - { country: CHN, sector: meal, input: oil, share: 0.6 }
              - { country: CAN, sector: seed, input: meal, share: 0 }
            """);

        errors.Select(e => (e.Line, e.Path)).Should().Equal(
            (16, "inputs[1].country"),
            (17, "inputs[2].input"),
            (18, "inputs[3]"),
            (19, "inputs[4].share"),
            (20, "inputs[5]"),
            (20, "inputs[5].share"),
            (21, "inputs[6].share"));
        errors.Should().OnlyContain(e => e.File == "inputs.yaml");
        errors[1].Message.Should().Be("sector 'oil' cannot be its own input; a link is between two different sectors");
        errors[2].Message.Should().Be("duplicate input (country CHN, sector oil, input seed); the first is inputs[0], line 15");
        errors[3].Message.Should().StartWith("in CHN's market for 'seed' intermediate spending I0 = Σ a·X0 = 120 exceeds base spending E0 = 100");
        errors[4].Message.Should().StartWith("CHN has no market for 'oil': its producers buy inputs at home");
        errors[5].Message.Should().StartWith("the input shares of CHN's 'meal' add up to 1.1; they must add up to less than 1");
        errors[6].Message.Should().StartWith("must be a number > 0 and < 1");
    }

    [Fact]
    public void Intermediate_spending_counts_a_producers_total_sales_where_supply_gives_one()
    {
        // China's oil sells 100 in the markets listed but 500 in all: I0 = 0.7 · 500 = 350 > E0 = 100,
        // where the listed sales alone (I0 = 70) would pass.
        var text = Head.Replace("inputs:\n", "supply:\n  - { country: CHN, sector: oil, total: 500 }\ninputs:\n")
            + "  - { country: CHN, sector: oil, input: seed, share: 0.7 }\n";

        ErrorsOf(text).Should().ContainSingle().Which.Message.Should().StartWith(
            "in CHN's market for 'seed' intermediate spending I0 = Σ a·X0 = 350 exceeds base spending E0 = 100");
    }

    [Fact]
    public void The_smart_model_cannot_price_inputs()
    {
        var errors = ErrorsOf(Head.Replace("model: gsim", "model: smart") + "  - { country: CHN, sector: oil, input: seed, share: 0.5 }\n");

        errors.Should().ContainSingle().Which.Message.Should().StartWith("inputs need a model that prices inputs (gsim or ces); model smart");
    }

    private static IReadOnlyList<InputError> ErrorsOf(string text) =>
        FluentActions.Invoking(() => ScenarioLoader.Parse(text, "inputs.yaml")).Should().Throw<InvalidInputException>().Which.Errors;
}
