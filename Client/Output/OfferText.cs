using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;

namespace Simulation.Client.Output;

/// <summary>
/// An outcome as one line of text, the <c>offer</c> of the trace CSV and the <c>outcome</c> of the
/// frontier CSV (docs/outcome.md, "The offer text"): entries separated by "; ", each one of
/// <list type="bullet">
/// <item><c>IMPORTER:EXPORTER:SECTOR=TARIFF</c>, a tariff (the form `evaluate --set` takes);</item>
/// <item><c>IMPORTER:EXPORTER:SECTOR quota=VOLUME at IN_TARIFF, over OVER_TARIFF</c>, a tariff-rate quota;</item>
/// <item><c>ISSUE=VALUE</c>, a discrete issue, each label bare or in double quotes.</item>
/// </list>
/// </summary>
/// <remarks>
/// Ids of countries and sectors never hold a blank, ':', ';', '=' or '"', so the first two forms need
/// no quoting. A discrete label may hold anything but control characters (GENIUS's labels are kept
/// as they are), so one that could be misread is quoted (<see cref="LabelText"/>). A bare label has
/// no ':', so an entry whose text before its '=' holds a ':' is a tariff or a quota, and any other is
/// a discrete issue.
/// </remarks>
public static class OfferText
{
    public static string Describe(IReadOnlyList<OutcomeEntry> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return string.Join("; ", outcome.Select(e => e.IsTariff
            ? $"{e.Importer}:{e.Exporter}:{e.Sector}={FrontierCsv.Number(e.Tariff!.Value)}"
            : e.IsQuota
                ? $"{e.Importer}:{e.Exporter}:{e.Sector} quota={FrontierCsv.Number(e.Quota!.Value)} at {FrontierCsv.Number(e.InQuotaTariff!.Value)}, over {FrontierCsv.Number(e.OverQuotaTariff!.Value)}"
                : $"{LabelText.Of(e.Issue!)}={LabelText.Of(e.Value!)}"));
    }
}
