using System.Text.Json.Serialization;

namespace Simulation.Grains.Abstractions.Outcomes;

/// <summary>
/// The bargaining analysis of a negotiation (DESIGN §4.5, §6.2), under the true utilities that held
/// when it ended, undiscounted. Distances are Euclidean in normalised utilities, from the agreement
/// (or, without one, from the no-deal point where every party is at its reservation). Nash and
/// Kalai–Smorodinsky are null when no outcome is individually rational; <see cref="ParetoEpsilon"/>
/// is 0 when the frontier is exact, else the ε of the ε-Pareto frontier used.
/// The frontier itself is carried for <c>run --frontier</c> but is not part of the JSON outcome.
/// </summary>
[GenerateSerializer, Immutable, Alias("TradeSim.Outcomes.AnalysisOutcome")]
public sealed record AnalysisOutcome(
    [property: Id(0)] double ParetoDistance,
    [property: Id(1), JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? NashDistance,
    [property: Id(2)] int ParetoSize,
    [property: Id(3)] double ParetoEpsilon,
    [property: Id(4), JsonIgnore(Condition = JsonIgnoreCondition.Never)] BargainingPointOutcome? Nash,
    [property: Id(5), JsonIgnore(Condition = JsonIgnoreCondition.Never)] BargainingPointOutcome? KalaiSmorodinsky,
    [property: Id(6)] BargainingPointOutcome MaxSocialWelfare,
    [property: Id(7), JsonIgnore] IReadOnlyList<FrontierPointOutcome> Frontier);
