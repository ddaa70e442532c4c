using Simulation.Model.Economics;
using Simulation.Model.Economics.Objectives;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Reporting;

/// <summary>
/// Every country's entry in an outcome, from a world's sector solutions. The run grain and the
/// CLI's `evaluate` both report countries through this, so the two can never disagree.
/// </summary>
public static class CountryOutcomes
{
    public static IReadOnlyList<CountryOutcome> For(Scenario scenario, IReadOnlyList<SectorSolution> solutions) =>
        scenario.Countries.Select(country => From(CountryMeasures.For(country, solutions))).ToList();

    /// <summary>
    /// <see cref="For(Scenario, IReadOnlyList{SectorSolution})"/> for the solutions of <paramref name="world"/>,
    /// with the effective rate of protection of every sector a country makes with inputs (DESIGN §3.2).
    /// </summary>
    public static IReadOnlyList<CountryOutcome> For(Scenario scenario, World world, IReadOnlyList<SectorSolution> solutions)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(world);
        var countries = For(scenario, solutions);
        if (scenario.Inputs.Count == 0)
        {
            return countries;
        }

        var before = World.FromScenario(scenario);
        return [.. countries.Select(c => EffectiveProtection.Of(c.Id, scenario.Inputs, before, world) is { Count: > 0 } rates
            ? c with { EffectiveProtection = rates }
            : c)];
    }

    public static CountryOutcome From(CountryMeasures measures) =>
        new(
            measures.Id,
            new ObjectiveValue(measures.Country.Objective.Name, measures.ValueOf(measures.Country.Objective)),
            new ObjectiveMeasures(measures.MercantilistValue, measures.WelfareValue, measures.PoliticalValue),
            measures.ExportsChange,
            measures.ImportsChange,
            new WelfareAccount(measures.Welfare.ConsumerSurplus, measures.Welfare.TariffRevenue, measures.Welfare.ProducerSurplus, measures.Welfare.Total),
            Exports(measures.Trade),
            measures.Elsewhere.Count > 0 ? measures.Elsewhere : null);

    private static ExportsByPartner Exports(TradeAccounts trade)
    {
        var before = trade.SharesBefore;
        var after = trade.SharesAfter;
        return new ExportsByPartner(trade.ExportsBefore, trade.ExportsAfter, before.Shares, after.Shares, Largest(before), Largest(after));
    }

    private static LargestPartner? Largest(ExportShares shares) =>
        shares.LargestPartner is { } partner ? new LargestPartner(partner, shares.LargestPartnerShare) : null;
}
