namespace Simulation.Client.Tests;

/// <summary>
/// Two hardliners (concession exponent 0, DESIGN §4.4) that never move from their first offer, so
/// the negotiation runs to its deadline: with 100 000 rounds, the most a scenario may ask for,
/// seconds of work, still under way when a signal or a kill arrives.
/// </summary>
internal static class StalemateScenario
{
    public static string Text(int rounds = 100_000) => $$"""
        name: Stalemate
        rounds: {{rounds}}
        sectors:
          goods: { demand_elasticity: 1.5, substitution_elasticity: 4 }
        countries:
          AAA: { name: A, strategy: hardliner }
          BBB: { name: B, strategy: hardliner }
        trade:
          - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10 }
          - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
        negotiations:
          - id: AB
            parties: [AAA, BBB]
            issues:
              - { importer: AAA, exporter: BBB, sector: goods, levels: [10, 5, 0] }
              - { importer: BBB, exporter: AAA, sector: goods, levels: [8, 4, 0] }
        """;

    /// <summary>Writes the scenario into <paramref name="directory"/> and returns its path.</summary>
    public static string Write(string directory, int rounds = 100_000)
    {
        var path = Path.Combine(directory, "stalemate.yaml");
        File.WriteAllText(path, Text(rounds));
        return path;
    }
}
