using Simulation.Model.Inference;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Inference;

/// <summary>A two-issue table for forecast tests: a tariff at 5, 2.5 or 0 (status quo 5) and a discrete issue, none or panel.</summary>
internal static class ForecastTable
{
    public const string Text =
        "name: Forecast test\n" +
        "seed: 42\n" +
        "sectors:\n" +
        "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }\n" +
        "countries:\n" +
        "  CAN: { name: Canada }\n" +
        "  IDN: { name: Indonesia }\n" +
        "trade:\n" +
        "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }\n" +
        "negotiations:\n" +
        "  - id: CAN-IDN\n" +
        "    parties: [CAN, IDN]\n" +
        "    rounds: 30\n" +
        "    issues:\n" +
        "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 2.5, 0] }\n" +
        "      - { id: dispute_settlement, values: [none, panel], value: { CAN: [0, 40], IDN: [0, 10] } }\n";

    public const string Tariff = "IDN:CAN:canola_oil";
    public const string Discrete = "dispute_settlement";

    public static NegotiationIssues Issues() => new(ScenarioLoader.Parse(Text, "table.yaml"), "CAN-IDN");
}
