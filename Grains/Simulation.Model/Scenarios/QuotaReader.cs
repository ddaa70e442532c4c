using Simulation.Model.Economics;

namespace Simulation.Model.Scenarios;

/// <summary>
/// A trade flow's tariff-rate quota (DESIGN §4.1):
/// <c>quota: { volume: 20, in_quota_tariff: 6.1, rent: importer|exporter }</c>. The volume is a
/// quantity in the scenario's unit at base world prices; the flow's own tariff is the over-quota
/// tariff, which the in-quota tariff may not exceed; <c>rent</c> says who holds the quota rent.
/// </summary>
internal static class QuotaReader
{
    public static IReadOnlyList<string> Keys { get; } = ["volume", "in_quota_tariff", "rent"];

    public static IReadOnlyDictionary<string, QuotaRentHolder> RentHolders { get; } = new Dictionary<string, QuotaRentHolder>(StringComparer.Ordinal)
    {
        ["importer"] = QuotaRentHolder.Importer,
        ["exporter"] = QuotaRentHolder.Exporter,
    };

    /// <summary>The quota in <paramref name="field"/>, or null with its errors reported; <paramref name="overQuotaTariff"/> is the flow's tariff, when valid.</summary>
    public static TariffRateQuota? Read(YamlField field, InputErrorList errors, double? overQuotaTariff)
    {
        var fields = MappingFields.Open(field, errors, "a quota", Keys);
        if (fields is null)
        {
            return null;
        }

        var volume = fields.Required("volume") is { } v ? ScalarReader.InRange(v, errors, ScenarioRanges.Value) : null;
        var inTariffField = fields.Required("in_quota_tariff");
        var inTariff = inTariffField is { } t ? ScalarReader.InRange(t, errors, ScenarioRanges.TariffPercent) : null;
        var rent = fields.Required("rent") is { } r ? RentHolder(r, errors) : null;
        if (inTariff is { } inQuota && overQuotaTariff is { } over && inQuota > over)
        {
            errors.Add(inTariffField!.Value.Node, inTariffField.Value.Path,
                $"the in-quota tariff {ScalarReader.Show(inQuota)} is above the flow's tariff {ScalarReader.Show(over)}, which is the over-quota tariff");
            return null;
        }

        return volume is { } vol && inTariff is { } tin && rent is { } holder ? new TariffRateQuota(vol, tin, holder) : null;
    }

    public static QuotaRentHolder? RentHolder(YamlField field, InputErrorList errors)
    {
        var text = ScalarReader.Text(field, errors);
        if (text is null)
        {
            return null;
        }

        if (RentHolders.TryGetValue(text, out var holder))
        {
            return holder;
        }

        errors.Add(field.Node, field.Path, $"rent {Quoted.Text(text)} is unknown (available: {Listing.Of(RentHolders.Keys.ToList())}): who holds the quota rent");
        return null;
    }
}
