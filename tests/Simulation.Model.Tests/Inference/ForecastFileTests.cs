using System.Text.Json.Nodes;
using Simulation.Model.Inference;
using Simulation.Model.Inference.Forecasts;
using Simulation.Model.Input;

namespace Simulation.Model.Tests.Inference;

/// <summary>The forecast JSON of DESIGN §9, written and read back.</summary>
public sealed class ForecastFileTests
{
    private static readonly ForecastDistribution s_forecast = new(
        "CAN-CHN",
        4,
        0.75,
        [
            new IssueForecast("CHN:CAN:canola_seed", [IssueLevel.ForTariff(84.8), IssueLevel.ForTariff(46.9), IssueLevel.ForTariff(9)], [0.25, 0, 0.75]),
            new IssueForecast("CAN:CHN:electric_vehicles:quota", [IssueLevel.ForQuota(0, 6.1), IssueLevel.ForQuota(49000, 6.1)], [0.5, 0.5]),
            new IssueForecast("dispute_settlement", [IssueLevel.ForDiscrete("none"), IssueLevel.ForDiscrete("panel")], [1, 0]),
        ],
        new Dictionary<string, WelfareInterval> { ["CAN"] = new(1.5, -2, 3.25) });

    private static readonly PreRegistration s_registration = new("ab", "cd", -7, new DateOnly(2025, 12, 31));

    [Fact]
    public void A_forecast_is_written_in_the_shape_of_the_design_with_every_level_as_a_person_writes_it()
    {
        var json = JsonNode.Parse(ForecastFile.Write(s_forecast, s_registration))!;

        json["negotiation"]!.GetValue<string>().Should().Be("CAN-CHN");
        json["runs"]!.GetValue<int>().Should().Be(4);
        json["agreement_probability"]!.GetValue<double>().Should().Be(0.75);
        json["issues"]![0]!["levels"]![1]!.ToJsonString().Should().Be("{\"level\":46.9,\"probability\":0}");
        json["issues"]![1]!["levels"]![1]!["level"]!.ToJsonString().Should().Be("{\"quota\":49000,\"in_quota_tariff\":6.1}");
        json["issues"]![2]!["levels"]![0]!["level"]!.GetValue<string>().Should().Be("none");
        json["welfare"]!["CAN"]!.ToJsonString().Should().Be("{\"mean\":1.5,\"q05\":-2,\"q95\":3.25}");
        json["scenario_sha256"]!.GetValue<string>().Should().Be("ab");
        json["posterior_sha256"]!.GetValue<string>().Should().Be("cd");
        json["seed"]!.GetValue<long>().Should().Be(-7);
        json["learned_until"]!.GetValue<string>().Should().Be("2025-12-31");
    }

    [Fact]
    public void A_forecast_read_back_is_the_forecast_written()
    {
        var (forecast, registration) = ForecastFile.Parse(ForecastFile.Write(s_forecast, s_registration), "f.json");

        registration.Should().Be(s_registration);
        forecast.Should().BeEquivalentTo(s_forecast, o => o.WithStrictOrdering());
    }

    [Fact]
    public void Every_field_that_is_wrong_is_reported_with_its_path()
    {
        const string text = """
            { "negotiation": "", "runs": 2.5, "agreement_probability": 2,
              "issues": [ { "issue": "a", "levels": [ { "level": true, "probability": 0.5 } ] }, { "issue": "b", "levels": [ { "level": 1, "probability": 0.5 } ] } ],
              "welfare": { "CAN": 3 }, "scenario_sha256": "x", "posterior_sha256": "y", "seed": 1.5, "learned_until": "yesterday" }
            """;

        var read = () => ForecastFile.Parse(text, "f.json");

        read.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.ToString()).Should().BeEquivalentTo(
            "f.json: negotiation: expected a non-empty string",
            "f.json: runs: expected an integer from 0 to 2147483647",
            "f.json: agreement_probability: expected a number from 0 to 1",
            "f.json: issues[0].levels[0].level: expected a tariff (a number), a quota {\"quota\": V, \"in_quota_tariff\": T} or a value (a string)",
            "f.json: issues[1].levels: the probabilities of b sum to 0.5, not 1",
            "f.json: welfare.CAN: expected an object {mean, q05, q95}",
            "f.json: seed: expected an integer",
            "f.json: learned_until: expected a date YYYY-MM-DD, got 'yesterday'");
    }
}
