using ScottPlot;
using Simulation.Client.Plots;

namespace Simulation.Client.Bench;

/// <summary>
/// How the world benchmark's cost grows with the number of countries, one line per engine: the wall
/// time of a run, and the time per negotiation-round, which stays flat if the cost grows only with
/// the work to do (DESIGN §7).
/// </summary>
internal static class WorldCostChart
{
    public const string SecondsFile = "world-seconds.png";

    public const string PerRoundFile = "world-cost-per-round.png";

    public static IReadOnlyList<string> Save(string directory, IReadOnlyList<WorldFigure> figures)
    {
        Directory.CreateDirectory(directory);
        var seconds = Path.Combine(directory, SecondsFile);
        var perRound = Path.Combine(directory, PerRoundFile);
        Save(seconds, figures, f => f.Seconds, "Wall time of a run by number of countries", "seconds");
        Save(perRound, figures, f => f.MicrosecondsPerNegotiationRound, "Time per negotiation-round by number of countries", "µs per negotiation-round");
        return [seconds, perRound];
    }

    private static void Save(string path, IReadOnlyList<WorldFigure> figures, Func<WorldFigure, double> measure, string title, string label)
    {
        var plot = new Plot();
        var engines = figures.Select(f => f.Engine).Distinct(StringComparer.Ordinal).ToList();
        for (var e = 0; e < engines.Count; e++)
        {
            var line = figures.Where(f => f.Engine == engines[e]).OrderBy(f => f.Countries).ToList();
            var scatter = plot.Add.Scatter(line.Select(f => (double)f.Countries).ToArray(), line.Select(measure).ToArray(), ChartFile.Colour(e));
            scatter.LegendText = engines[e];
            scatter.MarkerSize = 8;
        }

        plot.Axes.SetLimitsY(0, figures.Max(measure) * 1.1);
        plot.ShowLegend();
        plot.Title(title);
        plot.XLabel("countries (besides the rest of the world)");
        plot.YLabel(label);
        ChartFile.Save(plot, path);
    }
}
