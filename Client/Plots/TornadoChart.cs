using ScottPlot;

namespace Simulation.Client.Plots;

/// <summary>One input of a sensitivity analysis: the measure's value with the input at the low and at the high end of its range.</summary>
public sealed record TornadoBar(string Input, double AtLow, double AtHigh);

/// <summary>
/// A tornado chart: one horizontal bar per uncertain input from the measure at its low end to the
/// measure at its high end, around the measure's central value, widest swing on top.
/// </summary>
public static class TornadoChart
{
    public static void Save(string path, string title, string measure, double central, IReadOnlyList<TornadoBar> inputs)
    {
        var plot = new Plot();
        // Widest on top: ScottPlot draws position 0 at the bottom.
        var ordered = inputs.OrderBy(b => Math.Abs(b.AtHigh - b.AtLow)).ThenByDescending(b => b.Input, StringComparer.Ordinal).ToList();
        var low = new List<Bar>();
        var high = new List<Bar>();
        for (var i = 0; i < ordered.Count; i++)
        {
            low.Add(new Bar { Position = i, ValueBase = central, Value = ordered[i].AtLow, FillColor = ChartFile.Colour(0) });
            high.Add(new Bar { Position = i, ValueBase = central, Value = ordered[i].AtHigh, FillColor = ChartFile.Colour(1) });
        }

        var lows = plot.Add.Bars(low);
        lows.Horizontal = true;
        lows.LegendText = "input at its low end";
        var highs = plot.Add.Bars(high);
        highs.Horizontal = true;
        highs.LegendText = "input at its high end";
        plot.Add.VerticalLine(central, color: Colors.Black);
        ChartFile.LabelCategories(plot.Axes.Left, ordered.Select(b => b.Input).ToList());
        plot.Title(title);
        plot.XLabel(measure);
        plot.ShowLegend(Alignment.LowerRight);
        ChartFile.Save(plot, path);
    }
}
