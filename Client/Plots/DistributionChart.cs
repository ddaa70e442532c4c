using MathNet.Numerics.Statistics;
using ScottPlot;

namespace Simulation.Client.Plots;

/// <summary>The values one measure took in the runs of one variant.</summary>
public sealed record VariantValues(string Variant, IReadOnlyList<double> Values);

/// <summary>
/// The distribution of a measure (agreement utility, gain) per variant as box plots: the box spans
/// the quartiles with the median inside, the whiskers the smallest and largest value.
/// </summary>
public static class DistributionChart
{
    public static void Save(string path, string title, string measure, IReadOnlyList<VariantValues> variants)
    {
        var plot = new Plot();
        for (var i = 0; i < variants.Count; i++)
        {
            var values = variants[i].Values;
            if (values.Count == 0)
            {
                continue;
            }

            var box = plot.Add.Box(new Box
            {
                Position = i,
                BoxMin = values.LowerQuartile(),
                BoxMax = values.UpperQuartile(),
                BoxMiddle = values.Median(),
                WhiskerMin = values.Min(),
                WhiskerMax = values.Max(),
            });
            box.FillColor = ChartFile.Colour(i);
        }

        ChartFile.LabelCategories(plot.Axes.Bottom, variants.Select(v => $"{v.Variant} (n={v.Values.Count})").ToList());
        plot.Title(title);
        plot.YLabel(measure);
        plot.XLabel("variant");
        ChartFile.Save(plot, path);
    }
}
