using Simulation.Model.Reporting;

namespace Simulation.Client.Output;

/// <summary>An applied event in words, for the events table and the timeline alike.</summary>
public static class EventText
{
    public static string Describe(EventOutcome e) => e.Type switch
    {
        "terminate" => $"{e.By} ends {e.Negotiation}",
        "start" => $"{e.Negotiation} opens",
        "set-tariff" => $"{e.Importer} sets its tariff on {e.Exporter} in {(e.Sector == "*" ? "every sector" : e.Sector)} to {Numbers.Format(e.Tariff ?? 0, Numbers.Tariff)}%"
            + (e.Sectors is { Count: > 0 } sectors && e.Sector == "*" ? $" ({string.Join(", ", sectors)})" : ""),
        "set-strategy" => $"{e.Country} now plays {e.Strategy}",
        "set-weights" => $"{e.Country}'s weights become" + Weights(" lobby", e.LobbyWeights) + Weights(" partner", e.PartnerWeights),
        _ => e.Type,
    };

    private static string Weights(string kind, IReadOnlyDictionary<string, double>? weights) =>
        weights is null ? "" : $"{kind} {{{string.Join(", ", weights.Select(w => $"{w.Key}: {Numbers.Format(w.Value, Numbers.Utility)}"))}}}";
}
