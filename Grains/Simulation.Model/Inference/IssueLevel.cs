using System.Globalization;
using System.Text.Json.Nodes;

namespace Simulation.Model.Inference;

/// <summary>
/// One level of an issue as the scenario writes it: a tariff in percent, a quota volume with its
/// in-quota tariff in percent, or a discrete issue's value. Episode files, forecasts and scores
/// show a level this way, never as its index.
/// </summary>
public sealed record IssueLevel(double? Tariff, double? Quota, double? InQuotaTariff, string? Value)
{
    public static IssueLevel ForTariff(double tariff) => new(tariff, null, null, null);

    public static IssueLevel ForQuota(double quota, double inQuotaTariff) => new(null, quota, inQuotaTariff, null);

    public static IssueLevel ForDiscrete(string value) => new(null, null, null, value);

    /// <summary>For tables and messages: <c>46.9</c>, <c>2200 at 6.1%</c>, <c>panel</c>.</summary>
    public string Text => this switch
    {
        { Tariff: { } tariff } => Show(tariff),
        { Quota: { } quota, InQuotaTariff: { } inQuota } => $"{Show(quota)} at {Show(inQuota)}%",
        _ => Value ?? "",
    };

    /// <summary>
    /// The level in JSON as the shared formats write it: a number (<c>46.9</c>), a quota object
    /// (<c>{"quota": 2200, "in_quota_tariff": 6.1}</c>) or a string.
    /// </summary>
    public JsonNode ToJson() => this switch
    {
        { Tariff: { } tariff } => JsonValue.Create(tariff),
        { Quota: { } quota, InQuotaTariff: { } inQuota } => new JsonObject { ["quota"] = quota, ["in_quota_tariff"] = inQuota },
        _ => JsonValue.Create(Value ?? ""),
    };

    public override string ToString() => Text;

    private static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
