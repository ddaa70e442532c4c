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
    public string BestLogScore => Best(s => -s.LogScore);

    /// <summary>The forecast with the lowest total Brier score (the first listed on a tie).</summary>
    public string BestBrier => Best(s => s.Brier);

    /// <summary>The forecast with the lowest total ranked probability score (the first listed on a tie).</summary>
    public string BestRankedProbability => Best(s => s.RankedProbability);

    private string Best(Func<ForecastScore, double> loss)
    {
        var best = Forecasts[0];
        foreach (var candidate in Forecasts.Skip(1))
        {
            if (loss(candidate.Score) < loss(best.Score))
            {
                best = candidate;
            }
        }

        return best.Name;
    }
}
