namespace Simulation.Model.Tests.Inference;

/// <summary>
/// A small scenario with one issue of each kind on one table, written to a temporary folder with
/// episode files beside it; line numbers of the tables are noted for the tests that read them.
/// </summary>
internal sealed class InferenceScenario : IDisposable
{
    public const string Text =
        "name: Inference test\n" +
        "seed: 42\n" +
        "sectors:\n" +
        "  canola_oil: { demand_elasticity: 1.2, substitution_elasticity: 6.6, supply_elasticity: 3 }\n" +
        "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }\n" +
        "countries:\n" +
        "  CAN: { name: Canada }\n" +
        "  IDN: { name: Indonesia }\n" +
        "  ROW: { negotiates: false }\n" +
        "trade:\n" +
        "  - { importer: IDN, exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }\n" +
        "  - { importer: CAN, exporter: IDN, sector: footwear, value: 120, tariff: 18 }\n" +
        "negotiations:\n" +
        "  - id: CAN-IDN\n" +
        "    parties: [CAN, IDN]\n" +
        "    rounds: 30\n" +
        "    issues:\n" +
        "      - { importer: IDN, exporter: CAN, sector: canola_oil, levels: [5, 2.5, 0] }\n" +
        "      - { importer: CAN, exporter: IDN, sector: footwear, from: 18, to: 0, steps: 4 }\n" +
        "      - { type: trq, importer: CAN, exporter: IDN, sector: footwear, in_tariff: 0, levels: [0, 50, 100], rent: importer }\n" +
        "      - { id: dispute_settlement, values: [none, panel, appellate], value: { CAN: [0, 40, 60], IDN: [0, 10, -20] } }\n";

    public InferenceScenario()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"tradesim-inference-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
        File.WriteAllText(Path.Combine(Folder, "world.yaml"), Text);
    }

    public string Folder { get; }

    /// <summary>Writes <paramref name="text"/> as <c>episodes.yaml</c> beside the scenario and returns its path.</summary>
    public string Episodes(string text)
    {
        var path = Path.Combine(Folder, "episodes.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
