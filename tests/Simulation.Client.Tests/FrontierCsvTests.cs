using System.Globalization;
using Simulation.Tests.Shared;
using System.Text.Json.Nodes;
using Simulation.Client.Output;

namespace Simulation.Client.Tests;

/// <summary>
/// `run --frontier FILE.csv`: every negotiation's frontier as tidy CSV whose rows agree with the
/// outcome JSON, written like --out (checked before the run, replaced whole).
/// </summary>
public sealed class FrontierCsvTests : IDisposable
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-frontier-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Writes_one_row_per_negotiation_point_and_party_agreeing_with_the_json()
    {
        var file = Path.Combine(scratch, "frontier.csv");

        var result = await TradeSimProcess.RunAsync("run", Canola, "--format", "json", "--frontier", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        var text = File.ReadAllText(file);
        text.Should().EndWith("\r\n", "RFC 4180 records end in CRLF");
        var rows = Parse(text);
        rows[0].Should().Equal(
            "negotiation", "point", "party", "utility", "gain", "gain_measure", "reservation", "on_frontier", "agreement", "nash",
            "kalai_smorodinsky", "max_social_welfare", "outcome");
        var records = rows.Skip(1).Select(r => rows[0].Zip(r).ToDictionary(x => x.First, x => x.Second)).ToList();

        var negotiation = JsonNode.Parse(result.Stdout)!["negotiations"]![0]!;
        var analysis = negotiation["analysis"]!;
        var parties = negotiation["parties"]!.AsArray().Select(p => p!.GetValue<string>()).ToList();
        var onFrontier = records.Where(r => r["on_frontier"] == "true").ToList();
        onFrontier.Should().HaveCount(analysis["pareto_size"]!.GetValue<int>() * parties.Count);
        records.Select(r => r["negotiation"]).Should().AllBe("CAN-CHN");
        onFrontier.GroupBy(r => r["point"]).Should().AllSatisfy(g => g.Select(r => r["party"]).Should().Equal(parties));

        foreach (var (flag, field) in new[] { ("nash", "nash"), ("kalai_smorodinsky", "kalai_smorodinsky"), ("max_social_welfare", "max_social_welfare") })
        {
            var point = analysis[field]!;
            var flagged = records.Where(r => r[flag] == "true").ToList();
            flagged.Select(r => r["point"]).Distinct().Should().ContainSingle($"one point is the {field} point");
            flagged.Select(r => r["party"]).Should().Equal(parties);
            foreach (var row in flagged)
            {
                double.Parse(row["utility"], CultureInfo.InvariantCulture).Should().Be(point["utility"]![row["party"]]!.GetValue<double>(), "numbers are written round-trip exact");
                row["outcome"].Should().Be(Describe(point["outcome"]!));
            }
        }

        var agreed = records.Where(r => r["agreement"] == "true").ToList();
        agreed.Select(r => r["party"]).Should().Equal(parties, "the agreement is one point");
        foreach (var row in agreed)
        {
            double.Parse(row["utility"], CultureInfo.InvariantCulture).Should().BeApproximately(negotiation["utility"]![row["party"]]!.GetValue<double>(), 1e-12);
            double.Parse(row["gain"], CultureInfo.InvariantCulture).Should().BeApproximately(negotiation["gain"]![row["party"]]!.GetValue<double>(), 1e-9);
            row["gain_measure"].Should().Be(negotiation["gain_measure"]![row["party"]]!.GetValue<string>());
            double.Parse(row["reservation"], CultureInfo.InvariantCulture).Should().Be(negotiation["reservation"]![row["party"]]!.GetValue<double>());
            row["outcome"].Should().Be(Describe(negotiation["agreement"]!));
        }

        if (analysis["pareto_distance"]!.GetValue<double>() == 0)
        {
            agreed.Should().AllSatisfy(r => r["on_frontier"].Should().Be("true"));
        }
    }

    public static TheoryData<string, string> BadPaths => new()
    {
        { "{scratch}", "is a directory" },
        { "{scratch}/no/such/frontier.csv", "does not exist" },
        { "", "expected a file path" },
        { "{scratch}/outcome.json", "is the file --out writes" },
    };

    [Theory]
    [MemberData(nameof(BadPaths))]
    public async Task A_path_that_cannot_be_written_is_refused_before_the_run(string path, string reason)
    {
        path = path.Replace("{scratch}", scratch, StringComparison.Ordinal);

        var result = await TradeSimProcess.RunAsync("run", Canola, "--out", Path.Combine(scratch, "outcome.json"), "--frontier", path);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain($"--frontier '{path}'").And.Contain(reason).And.NotContain(" at Simulation.");
        result.Stdout.Should().BeEmpty("nothing is run");
        Directory.GetFileSystemEntries(scratch).Should().BeEmpty("neither file is written");
    }

    [Fact]
    public async Task The_scenario_file_itself_is_refused_before_the_run()
    {
        var scenario = Path.Combine(scratch, "scenario.yaml");
        File.Copy(Path.Combine(RepositoryPaths.Root, Canola), scenario);
        var before = File.ReadAllText(scenario);

        var result = await TradeSimProcess.RunAsync("run", scenario, "--frontier", scenario);

        result.ExitCode.Should().Be(2, result.Stderr);
        result.Stderr.Should().Contain("scenario file");
        File.ReadAllText(scenario).Should().Be(before);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"no\"", "\"say \"\"no\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("cr\rhere", "\"cr\rhere\"")]
    [InlineData(" padded", "\" padded\"")]
    [InlineData("", "")]
    public void Fields_are_quoted_as_rfc_4180_requires(string value, string expected) =>
        // RFC 4180 §2.6–2.7: fields with commas, double quotes or line breaks are enclosed in
        // double quotes, and a double quote inside is written twice.
        FrontierCsv.Field(value).Should().Be(expected);

    /// <summary>`IMPORTER:EXPORTER:SECTOR=TARIFF; ...` from a JSON outcome, tariffs as the invariant round-trip form.</summary>
    private static string Describe(JsonNode outcome) =>
        string.Join("; ", outcome.AsArray().Select(e =>
            $"{e!["importer"]}:{e["exporter"]}:{e["sector"]}={e["tariff"]!.GetValue<double>().ToString("R", CultureInfo.InvariantCulture)}"));

    /// <summary>The file's records, each with the header's number of fields; records end in CRLF, as RFC 4180 has them.</summary>
    internal static List<List<string>> Parse(string text)
    {
        text.Replace("\r\n", "", StringComparison.Ordinal).Should().NotContain("\n", "records end in CRLF");
        var rows = Rfc4180.Parse(text);
        rows.Should().OnlyContain(r => r.Count == rows[0].Count, "every record has the header's number of fields");
        return rows;
    }
}
