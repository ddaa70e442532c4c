using Simulation.Model.Negotiation;

namespace Simulation.Model.Reporting;

/// <summary>
/// The one translation of a model outcome (a level index per issue) into what a person reads:
/// one <see cref="OutcomeEntry"/> per issue of the agenda, in the agenda's order. Agreements and
/// every analysis point go through here. An issue kind added to the agenda adds its case here.
/// </summary>
public static class OutcomeEntries
{
    public static IReadOnlyList<OutcomeEntry> Of(TariffAgenda agenda, Outcome outcome)
    {
        ArgumentNullException.ThrowIfNull(agenda);
        ArgumentNullException.ThrowIfNull(outcome);
        agenda.Space.EnsureContains(outcome);
        return [.. agenda.Describe(outcome).Select(description => description switch
        {
            TariffDescription t => OutcomeEntry.ForTariff(t.Importer, t.Exporter, t.Sector, t.Tariff),
            DiscreteDescription d => OutcomeEntry.ForDiscrete(d.Issue, d.Value),
            QuotaDescription q => OutcomeEntry.ForQuota(q.Importer, q.Exporter, q.Sector, q.Quota, q.InQuotaTariff, q.OverQuotaTariff),
            _ => throw new ArgumentException($"No outcome entry for {description.GetType().Name}.", nameof(outcome)),
        })];
    }
}
