using System.Text.Json.Serialization;

namespace Simulation.Model.Reporting;

/// <summary>
/// The bargaining analysis of a negotiation (DESIGN §4.5, §6.2), under the true utilities that held
/// when it ended, undiscounted. Distances are Euclidean in normalised utilities, from the agreement
/// (or, without one, from the no-deal point where every party is at its reservation). Nash and
/// Kalai–Smorodinsky are null when no outcome is individually rational; <see cref="ParetoEpsilon"/>
/// is 0 when the frontier is exact, else the ε of the ε-Pareto frontier used.
/// The frontier itself is carried for <c>run --frontier</c> but is not part of the JSON outcome
/// (<see cref="RunOutcomeJson.Options"/> leaves it out; the complete form keeps it).
/// </summary>
public sealed record AnalysisOutcome(
    double ParetoDistance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? NashDistance,
    int ParetoSize,
    double ParetoEpsilon,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] BargainingPointOutcome? Nash,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] BargainingPointOutcome? KalaiSmorodinsky,
    BargainingPointOutcome MaxSocialWelfare,
    IReadOnlyList<FrontierPointOutcome> Frontier);
