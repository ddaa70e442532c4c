using System.Text;
using System.Text.Json.Nodes;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// Large outcome spaces end to end: a 50-line negotiation (a chapter of a tariff schedule) runs to
/// its end in a capped heap, and one too large to value is refused before anything runs.
/// </summary>
public sealed class LargeNegotiationTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-large-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_fifty_line_negotiation_runs_to_its_end_within_a_256_MB_heap()
    {
        // 50 lines of 20 levels, each in its own sector: 20^50 outcomes. Unbounded, the Pareto
        // frontier doubled every few lines and the run stayed at round 0 until killed at 24 GB;
        // the heap limit makes such growth fail the run instead of the machine.
        var file = Write("fifty.yaml", Scenario(model: "ces", sectors: 50, linesPerSector: 1, levels: 20));

        var heapLimit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = $"0x{256 << 20:X}" };
        var result = await TradeSimProcess.RunAsync(["run", file, "--format", "json"], heapLimit, TimeSpan.FromMinutes(5));

        result.ExitCode.Should().Be(0, result.Stderr);
        var negotiation = JsonNode.Parse(result.Stdout)!["negotiations"]![0]!;

        // The space is far too large to replay by enumeration, so what is checked is what holds for
        // any agreement: one level per line, and no party below its reservation.
        negotiation["status"]!.GetValue<string>().Should().Be("agreed");
        negotiation["agreement"]!.AsArray().Should().HaveCount(50);
        foreach (var party in new[] { "AAA", "BBB" })
        {
            negotiation["utility"]![party]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(negotiation["reservation"]![party]!.GetValue<double>());
            negotiation["gain"]![party]!.GetValue<double>().Should().BeGreaterThanOrEqualTo(0);
        }
    }

    [Fact]
    public async Task Five_sectors_of_a_million_combinations_under_gsim_are_refused_before_running()
    {
        // Five sectors of two 1,000-level lines: 5,000,000 market solves, over the 1,000,000 allowed.
        // The first issue is on line 5 + 2 × 10 + 14 = 39 (see Scenario), indented by 6.
        var file = Write("huge.yaml", Scenario(model: "gsim", sectors: 5, linesPerSector: 2, levels: 1000));
        const string expected =
            "huge.yaml:39:7: negotiations[0].issues: negotiation 'AB' is too large: valuing its outcomes takes 5,000,000 market solves";

        var validate = await TradeSimProcess.RunAsync("validate", file);
        var run = await TradeSimProcess.RunAsync("run", file);

        validate.ExitCode.Should().Be(2, validate.Stderr);
        validate.Stderr.Should().Contain(expected).And.Contain("at most 1,000,000 are supported");
        run.ExitCode.Should().Be(2, run.Stderr);
        run.Stderr.Should().Contain(expected);
        run.Stdout.Should().BeEmpty();
    }

    /// <summary>
    /// Two countries and one negotiation over <paramref name="sectors"/> sectors, each with one
    /// line (AAA's tariff on BBB in even sectors, BBB's on AAA in odd ones, so both have something
    /// to gain) or two (both) of <paramref name="levels"/> levels
    /// from 10% to 0. The sectors start on line 5, the first issue is on line sectors + 2 × lines + 14.
    /// </summary>
    private static string Scenario(string model, int sectors, int linesPerSector, int levels)
    {
        var text = new StringBuilder($"name: Large\nseed: 1\nmodel: {model}\nsectors:\n");
        var supply = model == "gsim" ? ", supply_elasticity: 2" : "";
        for (var s = 0; s < sectors; s++)
        {
            text.Append($"  s{s}: {{ demand_elasticity: {1.2 + s % 7 * 0.1:0.0}, substitution_elasticity: {4 + s % 5}{supply} }}\n");
        }

        text.Append("countries:\n  AAA: { name: A, strategy: linear }\n  BBB: { name: B }\n  ROW: { name: Rest of world, negotiates: false }\ntrade:\n");
        var lines = Enumerable.Range(0, sectors)
            .SelectMany(s => new[] { ("AAA", "BBB", s), ("BBB", "AAA", s) }.Skip(linesPerSector == 1 ? s % 2 : 0).Take(linesPerSector))
            .Select((line, i) => (line.Item1, line.Item2, line.s, Value: 50 + i % 9 * 25))
            .ToList();
        foreach (var (importer, exporter, s, value) in lines)
        {
            text.Append($"  - {{ importer: {importer}, exporter: {exporter}, sector: s{s}, value: {value}, tariff: 10 }}\n");

            // The rest of the world supplies every market too, so a cut diverts trade to the partner
            // and a deal can leave both governments better off.
            text.Append($"  - {{ importer: {importer}, exporter: ROW, sector: s{s}, value: {10 * value}, tariff: 10 }}\n");
        }

        text.Append("negotiations:\n  - id: AB\n    parties: [AAA, BBB]\n    issues:\n");
        foreach (var (importer, exporter, s, _) in lines)
        {
            text.Append($"      - {{ importer: {importer}, exporter: {exporter}, sector: s{s}, from: 10, to: 0, steps: {levels - 1} }}\n");
        }

        return text.ToString();
    }

    private string Write(string name, string contents)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, contents);
        return path;
    }
}
