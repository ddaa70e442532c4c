using Simulation.Model.Reporting;
using Simulation.Model.Economics;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Evaluation;

/// <summary>
/// The calculator behind `evaluate`: the scenario's base world against the same world with a set
/// of tariff changes, under one market model, with no negotiation (the way WITS-SMART is used).
/// </summary>
public static class TariffEvaluator
{
    public static TariffEvaluation Evaluate(Scenario scenario, IMarketModel model, IReadOnlyList<TariffChange> changes)
    {
        var world = World.FromScenario(scenario).With(changes);
        var solutions = world.Solve(model);
        var changedSectors = changes.Select(c => c.Line.Sector).ToHashSet(StringComparer.Ordinal);
        var markets = solutions
            .Where(s => changedSectors.Contains(s.Sector))
            .SelectMany(s => s.Markets)
            .Select(m => new EvaluatedMarket(
                m.Key.Importer,
                m.Key.Sector,
                m.ConsumerSurplusChange,
                m.TariffRevenueChange,
                m.IsValid,
                m.InvalidReason,
                m.Suppliers.Select(s => new EvaluatedSupplier(
                    s.Exporter, s.TariffBefore, s.TariffAfter, s.ValueBefore, s.ValueAfter, s.Creation, s.Diversion, s.WorldPrice, s.IsValid, s.InvalidReason)
                {
                    Quota = s.Quota is { } q
                        ? new EvaluatedQuota(q.State, q.Quota?.Volume, q.Quota?.InQuotaTariffPercent, q.OverQuotaTariffPercent, q.TariffEquivalentPercent,
                            q.FillRate, q.RentBefore, q.RentAfter, q.Quota?.Rent)
                        : null,
                }).ToList()))
            .ToList();
        var warnings = solutions.SelectMany(s => s.Warnings).ToList();
        var affected = solutions.SelectMany(s => s.Markets)
            .SelectMany(m => m.Suppliers.Where(s => !s.IsValid).SelectMany(s => new[] { m.Key.Importer, s.Exporter }))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (affected.Count > 0)
        {
            // The countries' totals add up those values too: say so where the countries are reported.
            warnings.Add($"the country totals of {string.Join(", ", affected)} include values marked not valid");
        }

        return new TariffEvaluation(
            model.Name,
            markets,
            CountryOutcomes.For(scenario, world, solutions),
            warnings);
    }
}
