using Simulation.Model.Experiments;

namespace Simulation.Model.Tests.Experiments;

/// <summary>A small scenario whose values the experiment tests vary; line numbers are noted for error positions.</summary>
internal static class ExperimentScenario
{
    public const string FileName = "base.yaml";

    public const string Text =
        /*  1 */ "name: Test\n" +
        /*  2 */ "seed: 42\n" +
        /*  3 */ "sectors:\n" +
        /*  4 */ "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }\n" +
        /*  5 */ "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }\n" +
        /*  6 */ "countries:\n" +
        /*  7 */ "  CAN: { name: Canada, strategy: boulware }\n" +
        /*  8 */ "  IDN: { name: Indonesia }\n" +
        /*  9 */ "  ROW: { negotiates: false }\n" +
        /* 10 */ "trade:\n" +
        /* 11 */ "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }\n" +
        /* 12 */ "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }\n" +
        /* 13 */ "negotiations:\n" +
        /* 14 */ "  - id: CAN-IDN\n" +
        /* 15 */ "    parties: [CAN, IDN]\n" +
        /* 16 */ "    rounds: 30\n" +
        /* 17 */ "    strategies: { IDN: conceder }\n" +
        /* 18 */ "    issues:\n" +
        /* 19 */ "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 2.5, 0] }\n" +
        /* 20 */ "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 4 }\n";

    public static ScenarioDocument Document => ScenarioDocument.Parse(Text, FileName);

    public static ScenarioSetting Set(string path, string value) => new(ScenarioPath.Parse(path), value);

    public static GridAxis Axis(string path, params string[] values) => new(ScenarioPath.Parse(path), values, InputOrigin.Option("--vary"));

    public static SampledInput Sample(string path, string distribution) =>
        new(ScenarioPath.Parse(path), Distribution.TryParse(distribution, out var error) ?? throw new ArgumentException(error), InputOrigin.Option("--sample"));
}
