using Simulation.Model.Experiments;

namespace Simulation.Model.Tests.Experiments;

public sealed class ScenarioPathTests
{
    [Fact]
    public void A_path_is_keys_joined_by_dots_with_list_items_by_position_or_by_id()
    {
        var path = ScenarioPath.Parse("negotiations[CAN-IDN].issues[1].from");

        path.Steps.Should().Equal(
            PathStep.OfKey("negotiations"), PathStep.OfId("CAN-IDN"), PathStep.OfKey("issues"), PathStep.OfIndex(1), PathStep.OfKey("from"));
        path.Text.Should().Be("negotiations[CAN-IDN].issues[1].from");
    }

    [Theory]
    [InlineData("countries.CAN.strategy.e", 4)]
    [InlineData("sectors.canola_oil.demand_elasticity", 3)]
    [InlineData("events[0].round", 3)]
    [InlineData("trade[3].tariff", 3)]
    [InlineData("rounds", 1)]
    public void The_paths_of_the_design_parse_step_by_step(string text, int steps)
    {
        var path = ScenarioPath.Parse(text);

        path.Steps.Should().HaveCount(steps);
        path.Text.Should().Be(text);
    }

    [Theory]
    [InlineData("", "the path is empty")]
    [InlineData("countries..CAN", "a key is missing at character 11")]
    [InlineData("countries.", "the path ends with '.'")]
    [InlineData("trade[3", "the '[' at character 6 is not closed")]
    [InlineData("trade[]", "'[]' is neither a position")]
    [InlineData("trade[1]x", "expected '.' or '[' at character 9")]
    [InlineData("countries.C N", "expected '.' or '[' at character 12, found ' '")]
    [InlineData("countries.$x", "the character '$' at 11 cannot be in a key")]
    [InlineData("trade[99999999999].tariff", "the position [99999999999] is too large")]
    public void A_malformed_path_is_refused_saying_where(string text, string expected)
    {
        ScenarioPath.TryParse(text, out var error).Should().BeNull();
        error.Should().StartWith(expected);
    }
}
