using System.Text.Json.Nodes;

namespace Simulation.Client.Tests;

/// <summary>
/// A tariff-rate quota issue negotiated end to end through `tradesim run`. The quota market is that
/// of tests/data/market-model-cases.csv case C: CAN buys 100 footwear from IDN and 400 from ROW,
/// both at 10%, ε = σ = 1.5, infinite supply, ces; with σ = ε, IDN's quantity depends on its own
/// tariff equivalent τ only, q = 100 ((1 + τ)/1.1)^(−1.5), and ROW's stays 400. On the table, IDN's
/// canola tariff on CAN (5% → 0) against a quota at 0% on CAN's footwear from IDN, rent to IDN:
/// <list type="bullet">
/// <item>volume 0: as now, IDN's exports +0, rent 0;</item>
/// <item>volume 110: binding, IDN sells 110 (+10), τ = 1.1 (100/110)^(2/3) − 1 = 3.228012%, rent 110 × 0.03228012 = 3.550813;</item>
/// <item>volume 120: not binding, IDN sells 100 · 1.1^1.5 = 115.368973 (+15.368973), rent 0.</item>
/// </list>
/// </summary>
public sealed class QuotaRunTests : IDisposable
{
    private const string Scenario = """
        name: Quota deal
        seed: 7
        model: ces
        rounds: 30
        sectors:
          footwear: { demand_elasticity: 1.5, substitution_elasticity: 1.5 }
          canola: { demand_elasticity: 1.5, substitution_elasticity: 4 }
        countries:
          CAN: { name: Canada, strategy: conceder }
          IDN: { name: Indonesia, strategy: conceder }
          ROW: { negotiates: false }
        trade:
          - { importer: CAN, exporter: IDN, sector: footwear, value: 100, tariff: 10 }
          - { importer: CAN, exporter: ROW, sector: footwear, value: 400, tariff: 10 }
          - { importer: IDN, exporter: CAN, sector: canola, value: 60, tariff: 5 }
          - { importer: IDN, exporter: ROW, sector: canola, value: 900, tariff: 5 }
        negotiations:
          - id: CAN-IDN
            parties: [CAN, IDN]
            issues:
              - { importer: IDN, exporter: CAN, sector: canola, levels: [5, 0] }
              - { type: trq, importer: CAN, exporter: IDN, sector: footwear, in_tariff: 0, rent: exporter, levels: [0, 110, 120] }
        """;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-quota-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task An_agreed_quota_is_reported_with_its_tariffs_and_moves_the_exporters_sales_and_rent_as_computed_by_hand()
    {
        var file = Path.Combine(scratch, "quota.yaml");
        File.WriteAllText(file, Scenario);

        var result = await TradeSimProcess.RunAsync("run", file, "--format", "json");

        result.ExitCode.Should().Be(0, result.Stderr);
        var json = JsonNode.Parse(result.Stdout)!;
        var negotiation = json["negotiations"]![0]!;
        negotiation["status"]!.GetValue<string>().Should().Be("agreed");
        var entry = negotiation["agreement"]![1]!.AsObject();
        entry.Select(p => p.Key).Should().Equal("importer", "exporter", "sector", "quota", "in_quota_tariff", "over_quota_tariff");
        entry["in_quota_tariff"]!.GetValue<double>().Should().Be(0);
        entry["over_quota_tariff"]!.GetValue<double>().Should().Be(10);
        var volume = entry["quota"]!.GetValue<double>();
        var (exportsGain, rent) = volume switch
        {
            0 => (0.0, 0.0),
            110 => (10.0, 3.550813),
            120 => (15.368973, 0.0),
            _ => throw new InvalidOperationException($"quota {volume} is not a level on the table"),
        };

        var idn = json["countries"]!.AsArray().Single(c => c!["id"]!.GetValue<string>() == "IDN")!;
        idn["exports_change"]!.GetValue<double>().Should().BeApproximately(exportsGain, 1e-6, "IDN's footwear sales under a quota of {0}", volume);
        idn["welfare"]!["producer_surplus"]!.GetValue<double>().Should().BeApproximately(rent, 1e-6, "IDN holds the rent of a quota of {0}", volume);
    }

    [Fact]
    public async Task The_printed_outcome_lists_the_agreed_quota()
    {
        var file = Path.Combine(scratch, "quota.yaml");
        File.WriteAllText(file, Scenario);

        var result = await TradeSimProcess.RunAsync("run", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("Agreed tariff-rate quotas");
        var row = result.Stdout.Split('\n').Single(l => l.StartsWith("│ CAN-IDN", StringComparison.Ordinal) && l.Contains("footwear", StringComparison.Ordinal));
        row.Split('│', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Should().ContainInOrder("CAN", "IDN", "footwear");
    }
}
