using Simulation.Model.Experiments;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Inference;

/// <summary>
/// The range the scenario loader enforces (<see cref="ScenarioRanges"/>) for the fields a prior
/// usually addresses, found from the shape of the path: a normal prior is truncated to it, and a
/// prior reaching beyond it is refused. A path of another shape has no known range here: its prior
/// is untruncated, and a draw the loader refuses is a failed simulation.
/// </summary>
public static class FieldRanges
{
    private static readonly string[] s_elasticities = ["demand_elasticity", "substitution_elasticity", "supply_elasticity"];

    /// <summary>The range of the field at <paramref name="path"/>, or null when none is known.</summary>
    public static FieldRange? For(ScenarioPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var keys = path.Steps.Where(s => s.Kind == PathStepKind.Key).Select(s => s.Key).ToList();
        if (keys.Count < 2)
        {
            return null;
        }

        var (first, parent, last) = (keys[0], keys[^2], keys[^1]);
        return (first, parent, last) switch
        {
            ("sectors", _, _) when s_elasticities.Contains(last) => Of(ScenarioRanges.Elasticity),
            ("trade", _, "tariff") => Of(ScenarioRanges.TariffPercent),
            ("trade" or "domestic", _, "value") => Of(ScenarioRanges.Value),
            ("countries", "lobby_weights", _) => Of(ScenarioRanges.LobbyWeight),
            ("countries", "partner_weights", _) => Of(ScenarioRanges.PartnerWeight),
            (_, "reservations", _) or (_, _, "reservation") => Of(ScenarioRanges.Reservation),
            (_, "discounts", _) or (_, _, "discount") => Of(ScenarioRanges.Discount),
            _ when last == "e" && keys.Any(k => k is "strategy" or "strategies") => Of(ScenarioRanges.ConcessionExponent),
            _ => null,
        };
    }

    private static FieldRange Of(NumberRange range) => new(range.ZeroAllowed ? 0 : range.Min, range.Max, range.MinExclusive && !range.ZeroAllowed, range.Text);
}
