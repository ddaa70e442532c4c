using System.Text.Json;
using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;
using Simulation.Tests.Shared;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// scenarios/schema.json is what the registries generate (<see cref="ScenarioSchema"/>), byte for
/// byte: a part added to a registry, or a changed range, must reach the shipped file.
/// </summary>
public sealed class GeneratedSchemaTests
{
    private const string Regenerate = "regenerate it with: tradesim list --schema > scenarios/schema.json";

    [Fact]
    public void The_shipped_schema_is_the_one_the_registries_generate()
    {
        var shipped = File.ReadAllText(RepositoryPaths.Scenario("schema.json"));

        var generated = ScenarioSchema.Generate();

        (shipped == generated).Should().BeTrue($"scenarios/schema.json differs from what the registries generate; {Regenerate}");
    }

    [Fact]
    public void Generating_twice_gives_the_same_text_ending_in_one_line_break()
    {
        var first = ScenarioSchema.Generate();

        ScenarioSchema.Generate().Should().Be(first);
        first.Should().EndWith("}\n").And.NotContain("\r");
        JsonDocument.Parse(first).RootElement.GetProperty("$schema").GetString().Should().Be("https://json-schema.org/draft/2020-12/schema");
    }

    [Theory]
    [InlineData("terminate", "terminateEvent")]
    [InlineData("set-tariff", "setTariffEvent")]
    [InlineData("start", "startEvent")]
    [InlineData("set-strategy", "setStrategyEvent")]
    [InlineData("set-weights", "setWeightsEvent")]
    public void An_event_type_s_definition_is_its_name_in_camel_case(string type, string definition)
    {
        ScenarioSchema.DefinitionOf(EventTypes.Registry[type]).Should().Be(definition);
    }

    [Theory]
    [InlineData("terminate")]
    [InlineData("set-tariff")]
    [InlineData("start")]
    [InlineData("set-strategy")]
    [InlineData("set-weights")]
    public void Each_event_definition_requires_the_keys_the_loader_reports_missing(string type)
    {
        // The loader's own answer: an event with only its trigger and type is told each key it lacks.
        var errors = LoaderAssertions.ErrorsOf(ScenarioText.Base + $"events:\n  - {{ round: 2, type: {type} }}\n");
        var missing = errors.Where(e => e.Message.StartsWith("missing required key", StringComparison.Ordinal)).Select(e => e.Path.Split('.')[^1]);

        var defs = JsonDocument.Parse(ScenarioSchema.Generate()).RootElement.GetProperty("$defs");
        var required = defs.GetProperty(ScenarioSchema.DefinitionOf(EventTypes.Registry[type])).GetProperty("required").EnumerateArray().Select(e => e.GetString());

        required.Should().Equal(["type", .. missing]);
    }
}
