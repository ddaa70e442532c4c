namespace Simulation.Tests.Shared;

/// <summary>
/// tests/Simulation.Grains.Tests/Scenarios/quota-two-tables.yaml with reactions to AB's agreement,
/// which is a quota of 110 at 0% on AAA's goods from BBB and a grain tariff of 4% in round 6 (as the
/// model's RunEngineQuotaTests establish). Each reaction is a set-strategy for CCC, who sits at AC:
/// [0] quota above 100: fires at 7; [1] quota above 110: never (strict); [2] the quota line's tariff
/// (its in-quota tariff, 0) below 0.5: fires at 7; [3] grain tariff below 4: never (strict);
/// [4] grain tariff below 4.01: fires at 7; [5] grain tariff above 4: never; [6] AB walked away: never.
/// </summary>
public static class AgreementReactions
{
    public const string FileName = "quota-two-tables.yaml";

    private const string Events = """
        events:
          - { when: { negotiation: AB, status: agreed, agreement: { importer: AAA, exporter: BBB, sector: goods, quota_above: 100 } }, type: set-strategy, country: CCC, strategy: linear }
          - { when: { negotiation: AB, status: agreed, agreement: { importer: AAA, exporter: BBB, sector: goods, quota_above: 110 } }, type: set-strategy, country: CCC, strategy: conceder }
          - { when: { negotiation: AB, status: agreed, agreement: { importer: AAA, exporter: BBB, sector: goods, below: 0.5 } }, type: set-strategy, country: CCC, strategy: boulware }
          - { when: { negotiation: AB, status: agreed, agreement: { importer: BBB, exporter: AAA, sector: grain, below: 4 } }, type: set-strategy, country: CCC, strategy: conceder }
          - { when: { negotiation: AB, status: agreed, agreement: { importer: BBB, exporter: AAA, sector: grain, below: 4.01 } }, type: set-strategy, country: CCC, strategy: linear }
          - { when: { negotiation: AB, status: agreed, agreement: { importer: BBB, exporter: AAA, sector: grain, above: 4 } }, type: set-strategy, country: CCC, strategy: conceder }
          - { when: { negotiation: AB, status: walked_away }, type: set-strategy, country: CCC, strategy: conceder }
        """;

    /// <summary>The scenario's text: the quota tables and the reactions.</summary>
    public static string Text() => File.ReadAllText(RepositoryPaths.TestScenario(FileName)) + Events;
}
