using Simulation.Model.Experiments;
using Simulation.Model.Scenarios;
using Simulation.Tests.Shared;
using static Simulation.Model.Tests.Experiments.ExperimentScenario;

namespace Simulation.Model.Tests.Experiments;

/// <summary>
/// A document with values put in, written back as text (for a run grain, which takes text), reads
/// as the scenario <see cref="ScenarioDocument.Load"/> builds from the same values.
/// </summary>
public sealed class DocumentTextTests
{
    [Fact]
    public void Values_set_at_paths_are_in_the_text_and_it_reads_as_the_loaded_scenario()
    {
        ScenarioSetting[] settings = [Set("countries.CAN.strategy.e", "0.7"), Set("sectors.canola_oil.supply_elasticity", "5"), Set("trade[1].value", "200")];

        var text = Document.TextWith(settings);
        var read = ScenarioLoader.Parse(text, "written.yaml");

        read.Should().BeEquivalentTo(Document.Load(settings));
        read.Sector("canola_oil").SupplyElasticity.Should().Be(5, because: "the value set");
        read.Trade[1].Value.Should().Be(200);
    }

    [Fact]
    public void A_text_with_commas_quotes_and_colons_stays_text_and_a_number_stays_a_number()
    {
        var document = ScenarioDocument.Parse(Text.Replace("name: Test", "name: \"Canada, \\\"Inc\\\": #1\"", StringComparison.Ordinal), FileName);

        var written = ScenarioDocument.Parse(document.TextWith([]), "written.yaml");

        written.ValueAt(ScenarioPath.Parse("name")).Should().Be("Canada, \"Inc\": #1");
        written.IsNumberAt(ScenarioPath.Parse("trade[0].tariff")).Should().BeTrue();
        written.ValueAt(ScenarioPath.Parse("countries.CAN.strategy")).Should().Be("boulware");
    }

    [Theory]
    [InlineData("canada-china-canola.yaml")]
    [InlineData("canada-china.yaml")]
    [InlineData("canada-asia-pivot.yaml")]
    [InlineData("us-canada.yaml")]
    [InlineData("canada-indonesia.yaml")]
    [InlineData("canada-asean.yaml")]
    [InlineData("equal-lines.yaml")]
    public void A_shipped_scenario_written_back_reads_as_the_file(string fileName)
    {
        var path = RepositoryPaths.Scenario(fileName);
        var document = ScenarioDocument.LoadFile(path);

        ScenarioLoader.Parse(document.TextWith([]), fileName).Should().BeEquivalentTo(ScenarioLoader.LoadFile(path));
    }
}
