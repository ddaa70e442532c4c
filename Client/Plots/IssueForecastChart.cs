using System.Globalization;
using ScottPlot;
using Simulation.Model.Inference.Forecasts;

namespace Simulation.Client.Plots;

/// <summary>A forecast of one issue as bars: each level of the table, status quo first, and the probability the negotiation leaves the issue there.</summary>
public static class IssueForecastChart
{
    /// <summary>The file name of <paramref name="issue"/>'s chart: its key with every character but letters, digits, '.', '-' and '_' made '_'.</summary>
    public static string FileName(string issue) =>
        new string([.. issue.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')]) + ".png";

    public static void Save(string path, string negotiation, int runs, IssueForecast issue)
    {
        var plot = new Plot();
        var bars = issue.Probabilities.Select((p, k) => new Bar
        {
            Position = k,
            Value = p,
            FillColor = ChartFile.Colour(0),
            Label = p.ToString("P0", CultureInfo.InvariantCulture),
        }).ToArray();
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 14;
        ChartFile.LabelCategories(plot.Axes.Bottom, [.. issue.Levels.Select(l => l.Text)]);
        plot.Axes.SetLimitsY(0, 1.1);
        plot.Title($"{negotiation}: {issue.Issue} ({runs} runs)");
        plot.YLabel("probability");
        plot.XLabel("level (status quo first)");
        ChartFile.Save(plot, path);
    }
}
