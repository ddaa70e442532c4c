using ScottPlot;

namespace Simulation.Client.Plots;

/// <summary>
/// A posterior marginal as bars: for a number, the weighted histogram of its particles on 20 equal
/// bins (bar height the weight in the bin); for a choice, each option's probability.
/// </summary>
public static class MarginalChart
{
    public const int Bins = 20;

    public static void SaveNumber(string path, string parameter, IReadOnlyList<(double Value, double Weight)> sample)
    {
        var (low, high) = (sample.Min(s => s.Value), sample.Max(s => s.Value));
        var width = high > low ? (high - low) / Bins : 1;
        var heights = new double[Bins];
        foreach (var (value, weight) in sample)
        {
            heights[Math.Min(Bins - 1, (int)((value - low) / width))] += weight;
        }

        var plot = new Plot();
        plot.Add.Bars(heights.Select((h, i) => new Bar { Position = low + ((i + 0.5) * width), Value = h, Size = width, FillColor = ChartFile.Colour(0) }).ToArray());
        plot.Title($"posterior of {parameter}");
        plot.XLabel(parameter);
        plot.YLabel("posterior weight");
        ChartFile.Save(plot, path);
    }

    public static void SaveChoice(string path, string parameter, IReadOnlyList<(string Option, double Probability)> options)
    {
        var plot = new Plot();
        plot.Add.Bars(options.Select((o, i) => new Bar { Position = i, Value = o.Probability, FillColor = ChartFile.Colour(i) }).ToArray());
        ChartFile.LabelCategories(plot.Axes.Bottom, [.. options.Select(o => o.Option)]);
        plot.Axes.SetLimitsY(0, 1.05);
        plot.Title($"posterior of {parameter}");
        plot.YLabel("probability");
        ChartFile.Save(plot, path);
    }
}
