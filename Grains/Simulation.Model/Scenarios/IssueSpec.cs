namespace Simulation.Model.Scenarios;

/// <summary>
/// One issue on a negotiation's table (DESIGN §4.1): a <see cref="TariffIssueSpec"/> (a tariff line
/// and its levels) or a <see cref="DiscreteIssueSpec"/> (named values with a value per party). Either
/// way its first level is the status quo.
/// </summary>
public abstract record IssueSpec
{
    /// <summary>Number of levels (options) on the table, the status quo first.</summary>
    public abstract int LevelCount { get; }
}
