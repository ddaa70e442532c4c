namespace Simulation.Model.Scenarios;

/// <summary>
/// One tariff line on the table: the tariff <see cref="Importer"/> applies to <see cref="Exporter"/>
/// in <see cref="Sector"/>, and the levels (percent) the parties may agree on. The first level is
/// the status quo: the tariff in force in the scenario's trade data.
/// </summary>
public sealed record TariffIssueSpec(string Importer, string Exporter, string Sector, IReadOnlyList<double> Levels) : IssueSpec
{
    public override int LevelCount => Levels.Count;
}
