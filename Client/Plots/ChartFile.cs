using ScottPlot;

namespace Simulation.Client.Plots;

/// <summary>Saves a chart as a PNG of a fixed size, through a temporary file renamed over the target, so a chart is whole or absent.</summary>
internal static class ChartFile
{
    public const int Width = 960;
    public const int Height = 600;

    /// <summary>The colours of series in order (parties, variants), named so that tests and readers can find them.</summary>
    public static readonly Color[] Palette = [Colors.SteelBlue, Colors.DarkOrange, Colors.SeaGreen, Colors.FireBrick, Colors.MediumPurple, Colors.SaddleBrown, Colors.HotPink, Colors.Gray, Colors.Olive, Colors.DarkCyan];

    public static Color Colour(int index) => Palette[index % Palette.Length];

    public static void Save(Plot plot, string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var temporary = Path.Combine(directory, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp.png");
        try
        {
            plot.SavePng(temporary, Width, Height);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Category labels under (or beside) positions 0, 1, 2, ….</summary>
    public static void LabelCategories(IAxis axis, IReadOnlyList<string> labels) =>
        axis.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
}
