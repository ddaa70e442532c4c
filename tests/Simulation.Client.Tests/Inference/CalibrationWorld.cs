using System.Text.Json.Nodes;

namespace Simulation.Client.Tests.Inference;

/// <summary>
/// A tiny two-country world for calibration tests, in a temporary folder: one table of two tariff
/// issues (canola 5 → 0 and footwear 18 → 0, six levels each), twelve rounds, time-dependent
/// negotiators. Canada's concession exponent e decides where canola ends; the rest of the world's
/// partner weight, written but never used (it does not negotiate), decides nothing. The episode is
/// made by <c>tradesim run</c> of the world at Canada's true e, so it is the engine's own outcome.
/// </summary>
internal sealed class CalibrationWorld : IDisposable
{
    public const double TrueCanadaE = 3;

    public const string Priors =
        "parameters:\n" +
        "  countries.CAN.strategy.e: loguniform(0.05, 20)\n" +
        "  countries.ROW.partner_weights.CAN: uniform(0, 10)\n";

    private const string World =
        "name: Tiny two-country table\n" +
        "seed: 11\n" +
        "rounds: 12\n" +
        "sectors:\n" +
        "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }\n" +
        "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }\n" +
        "countries:\n" +
        "  CAN: { name: Canada, strategy: { type: time-dependent, e: CAN_E } }\n" +
        "  IDN: { name: Indonesia, strategy: { type: time-dependent, e: 0.5 } }\n" +
        "  ROW: { negotiates: false, partner_weights: { CAN: 1 } }\n" +
        "trade:\n" +
        "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }\n" +
        "  - { importer: IDN, exporter: ROW, sector: canola_oil, value: 900, tariff: 5 }\n" +
        "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }\n" +
        "  - { importer: CAN, exporter: ROW, sector: footwear, value: 2500, tariff: 18 }\n" +
        "negotiations:\n" +
        "  - id: CAN-IDN\n" +
        "    parties: [CAN, IDN]\n" +
        "    rounds: 12\n" +
        "    issues:\n" +
        "      - { importer: IDN, exporter: CAN, sector: canola_oil, from: 5, to: 0, steps: 5 }\n" +
        "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 5 }\n";

    public CalibrationWorld()
    {
        Folder = Directory.CreateTempSubdirectory("tradesim-calibrate-").FullName;
        File.WriteAllText(Path.Combine(Folder, "world.yaml"), World.Replace("CAN_E", "1", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Folder, "truth.yaml"), World.Replace("CAN_E", "3", StringComparison.Ordinal));
        File.WriteAllText(PriorsFile, Priors);
    }

    public string Folder { get; }

    public string EpisodesFile => Path.Combine(Folder, "episodes.yaml");

    public string PriorsFile => Path.Combine(Folder, "priors.yaml");

    public string Out(string name) => Path.Combine(Folder, name);

    /// <summary>Runs the world at the true parameters and writes what it agreed as the episode.</summary>
    public async Task WriteEpisodeAsync()
    {
        var run = await TradeSimProcess.RunAsync("run", Path.Combine(Folder, "truth.yaml"), "--format", "json");
        run.ExitCode.Should().Be(0, run.Stderr);
        var negotiation = JsonNode.Parse(run.Stdout)!["negotiations"]![0]!;
        negotiation["status"]!.GetValue<string>().Should().Be("agreed", because: "the world is built so that it agrees at the true e");
        var tariffs = negotiation["agreement"]!.AsArray().Select(a => a!["tariff"]!.GetValue<double>()).ToList();
        File.WriteAllText(EpisodesFile,
            "episodes:\n" +
            "  - id: synthetic\n" +
            "    scenario: world.yaml\n" +
            "    negotiation: CAN-IDN\n" +
            "    known: 2025-01-01\n" +
            "    source: tradesim run of truth.yaml (Canada's e = 3)\n" +
            "    observed:\n" +
            "      status: agreed\n" +
            "      issues:\n" +
            FormattableString.Invariant($"        IDN:CAN:canola_oil: {tariffs[0]}\n") +
            FormattableString.Invariant($"        CAN:IDN:footwear: {tariffs[1]}\n"));
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
