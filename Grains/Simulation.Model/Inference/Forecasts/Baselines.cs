namespace Simulation.Model.Inference.Forecasts;

/// <summary>
/// Forecasts that need no calibration, for a calibrated forecast to beat (DESIGN §9; the scores smooth
/// every forecast, these included, so none is charged ln 0):
/// <list type="bullet">
/// <item><see cref="StatusQuo"/>: nothing changes — no agreement, every issue at its status quo;</item>
/// <item><see cref="Uniform"/>: no knowledge — agreement even odds, every level of an issue alike;</item>
/// <item><see cref="SingleRun"/>: the scenario as written, run once — what a user of a single
/// simulation would have predicted.</item>
/// </list>
/// </summary>
public static class Baselines
{
    /// <summary>All mass on no agreement and on level 0 of every issue.</summary>
    public static ForecastDistribution StatusQuo(NegotiationIssues issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return Fixed(issues, 0, axis => [.. Enumerable.Range(0, axis.LevelCount).Select(k => k == 0 ? 1.0 : 0.0)]);
    }

    /// <summary>Agreement at 1/2, each of an issue's L levels at 1/L.</summary>
    public static ForecastDistribution Uniform(NegotiationIssues issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        return Fixed(issues, 0.5, axis => [.. Enumerable.Repeat(1.0 / axis.LevelCount, axis.LevelCount)]);
    }

    /// <summary>The one run's end, with certainty: a forecast of one run.</summary>
    public static ForecastDistribution SingleRun(NegotiationIssues issues, RunEnd run) => ForecastDistribution.Of(issues, [run]);

    private static ForecastDistribution Fixed(NegotiationIssues issues, double agreement, Func<IssueAxis, double[]> probabilities) =>
        new(issues.Negotiation, 0, agreement, [.. issues.Issues.Select(axis => new IssueForecast(axis.Key, axis.Levels, probabilities(axis)))], new Dictionary<string, WelfareInterval>(StringComparer.Ordinal));
}
