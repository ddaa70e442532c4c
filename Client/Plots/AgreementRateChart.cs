using ScottPlot;

namespace Simulation.Client.Plots;

/// <summary>The share of runs that ended in agreement, per variant, as bars from 0 to 1.</summary>
public static class AgreementRateChart
{
    public static void Save(string path, string title, IReadOnlyList<(string Variant, double Rate)> rates)
    {
        var plot = new Plot();
        var bars = rates.Select((r, i) => new Bar { Position = i, Value = r.Rate, FillColor = ChartFile.Colour(0), Label = r.Rate.ToString("P0", System.Globalization.CultureInfo.InvariantCulture) }).ToArray();
        var plotted = plot.Add.Bars(bars);
        plotted.ValueLabelStyle.FontSize = 14;
        ChartFile.LabelCategories(plot.Axes.Bottom, rates.Select(r => r.Variant).ToList());
        plot.Axes.SetLimitsY(0, 1.1);
        plot.Title(title);
        plot.YLabel("agreement rate");
        plot.XLabel("variant");
        ChartFile.Save(plot, path);
    }
}
