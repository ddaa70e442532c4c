namespace Simulation.Model.Inference.Scoring;

/// <summary>
/// A calibrated forecast's scores beside those of the <see cref="Forecasts.Baselines"/> on the same
/// episode and issues (DESIGN §9: a forecast is worth its calibration only if it beats forecasts that
/// need none). <see cref="SingleRun"/> is null when the single run was not played.
/// </summary>
public sealed record ScoreComparison(ForecastScore TradeSim, ForecastScore StatusQuo, ForecastScore Uniform, ForecastScore? SingleRun)
{
    /// <summary>The forecasts compared, by the name a table and the JSON give them, TradeSim first.</summary>
    public IReadOnlyList<(string Name, ForecastScore Score)> Forecasts
    {
        get
        {
            var forecasts = new List<(string Name, ForecastScore Score)> { ("tradesim", TradeSim), ("status_quo", StatusQuo), ("uniform", Uniform) };
            if (SingleRun is { } single)
            {
                forecasts.Add(("single_run", single));
            }

            return forecasts;
        }
    }

    /// <summary>The forecast with the highest total log score (the first listed on a tie).</summary>
    public string BestLogScore => Best(Forecasts.Select(f => (f.Name, -f.Score.LogScore)));

    /// <summary>The forecast with the lowest total Brier score (the first listed on a tie).</summary>
    public string BestBrier => Best(Forecasts.Select(f => (f.Name, f.Score.Brier)));

    /// <summary>The forecast with the lowest total ranked probability score (the first listed on a tie).</summary>
    public string BestRankedProbability => Best(Forecasts.Select(f => (f.Name, f.Score.RankedProbability)));

    /// <summary>The name with the least loss, the first listed on a tie (a log score is a loss negated).</summary>
    public static string Best(IEnumerable<(string Name, double Loss)> forecasts)
    {
        ArgumentNullException.ThrowIfNull(forecasts);
        (string Name, double Loss)? best = null;
        foreach (var candidate in forecasts)
        {
            if (best is null || candidate.Loss < best.Value.Loss)
            {
                best = candidate;
            }
        }

        return best?.Name ?? throw new ArgumentException("no forecasts to compare", nameof(forecasts));
    }
}
