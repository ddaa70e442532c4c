using System.Text.Json.Serialization;

namespace Simulation.Client.Batch;

/// <summary>
/// <c>sensitivity.json</c>: the inputs drawn (each estimate with its value as written and its
/// range), the runs analysed, each measure's range, every correlation, and the tornado. A
/// correlation is null where a side did not vary (r is then undefined).
/// </summary>
internal sealed record SensitivityReport(
    string Scenario,
    long Seed,
    int Runs,
    int RunsFailed,
    IReadOnlyList<SensitivityInputReport> Inputs,
    IReadOnlyList<MeasureRangeReport> Ranges,
    IReadOnlyList<CorrelationReport> Correlations,
    TornadoReport Tornado);

internal sealed record SensitivityInputReport(string Path, double Value, double Low, double High);

internal sealed record MeasureRangeReport(string Measure, int N, double Min, double P5, double P95, double Max);

internal sealed record CorrelationReport(
    string Measure,
    string Input,
    int N,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Pearson,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Spearman);

/// <summary>
/// The one-at-a-time runs: the measure, its value in the scenario as written (<see cref="Central"/>),
/// and per estimate its value with that estimate at its low and at its high end; all with the batch seed.
/// </summary>
internal sealed record TornadoReport(
    string Measure,
    long Seed,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Central,
    IReadOnlyList<TornadoBarReport> Bars);

internal sealed record TornadoBarReport(
    string Input,
    double Low,
    double High,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AtLow,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? AtHigh,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Swing);
