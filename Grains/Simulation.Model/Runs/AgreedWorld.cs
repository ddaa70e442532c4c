using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// The one place a run's world is built from its agreements: the scenario's base world with the
/// tariff changes and the tariff-rate quotas agreed so far (DESIGN §4.1). Tariffs and quotas are
/// separate settings of a line (a quota's over-quota tariff is the line's tariff), so the two lists
/// apply independently, each in the order it was agreed.
/// </summary>
public static class AgreedWorld
{
    public static World Of(Scenario scenario, IEnumerable<TariffChange> tariffChanges, IEnumerable<QuotaChange> quotaChanges)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(tariffChanges);
        ArgumentNullException.ThrowIfNull(quotaChanges);
        return World.FromScenario(scenario).With(tariffChanges).WithQuotas(quotaChanges);
    }
}
