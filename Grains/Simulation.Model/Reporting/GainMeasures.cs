using Simulation.Model.Scenarios;

namespace Simulation.Model.Reporting;

/// <summary>
/// What a negotiating party's gain measures (DESIGN §3.3, §6.2): the score of the objective its
/// country pursues ("mercantilist score"), or, in a utility scenario, the party's own utility number.
/// Every output that shows a gain takes its name from here.
/// </summary>
public static class GainMeasures
{
    /// <summary>The measure of a utility scenario's gains: u = V, the party's number for the outcome.</summary>
    public const string Utility = "utility";

    public static string Of(Scenario scenario, string party)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return scenario.InUtilityUnits ? Utility : scenario.Country(party).Objective.ScoreName;
    }
}
