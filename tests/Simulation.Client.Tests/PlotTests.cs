using SkiaSharp;
using Simulation.Client.Plots;

namespace Simulation.Client.Tests;

/// <summary>
/// The batch charts as PNG files: the right size, and drawn (not blank): the series' own colours
/// cover a fair part of the image, which an empty chart or one without data would not.
/// </summary>
public sealed class PlotTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-plots-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    // The charts' palette starts with steel blue #4682B4 and dark orange #FF8C00.
    private static readonly SKColor Blue = new(0x46, 0x82, 0xB4);
    private static readonly SKColor Orange = new(0xFF, 0x8C, 0x00);

    private static int PixelsNear(string path, SKColor colour)
    {
        using var bitmap = SKBitmap.Decode(path);
        bitmap.Should().NotBeNull($"{path} is a PNG");
        bitmap.Width.Should().Be(960);
        bitmap.Height.Should().Be(600);
        var count = 0;
        for (var y = 0; y < bitmap.Height; y++)
        {
            for (var x = 0; x < bitmap.Width; x++)
            {
                var p = bitmap.GetPixel(x, y);
                if (Math.Abs(p.Red - colour.Red) + Math.Abs(p.Green - colour.Green) + Math.Abs(p.Blue - colour.Blue) < 40)
                {
                    count++;
                }
            }
        }

        return count;
    }

    [Fact]
    public void Concession_curves_draw_each_partys_utility_of_the_offers()
    {
        var path = Path.Combine(scratch, "concession.png");
        var offers = Enumerable.Range(1, 20)
            .Select(t => new ConcessionOffer(t, t % 2 == 1 ? "CAN" : "IDN", t % 2 == 1 ? [1 - t / 40.0, t / 60.0] : [t / 50.0, 1 - t / 30.0]))
            .ToList();

        ConcessionChart.Save(path, "CAN-IDN", ["CAN", "IDN"], offers);

        PixelsNear(path, Blue).Should().BeGreaterThan(500, "CAN's curves are drawn in the first colour");
        PixelsNear(path, Orange).Should().BeGreaterThan(500, "IDN's in the second");
    }

    [Fact]
    public void Distributions_are_boxes_per_variant()
    {
        var path = Path.Combine(scratch, "gains.png");
        DistributionChart.Save(path, "Gain of CAN at CAN-IDN", "gain (CAD millions)",
            [new VariantValues("e=0.2", [1, 2, 3, 4, 10]), new VariantValues("e=1", [4, 5, 6, 7]), new VariantValues("e=2", [8, 9, 9, 12])]);

        File.Exists(path).Should().BeTrue();
        PixelsNear(path, Blue).Should().BeGreaterThan(10_000, "the first variant's box");
        PixelsNear(path, Orange).Should().BeGreaterThan(5_000, "the second's");
    }

    [Fact]
    public void Agreement_rates_are_bars()
    {
        var path = Path.Combine(scratch, "rates.png");
        AgreementRateChart.Save(path, "Agreement rate", [("e=0.2", 0.25), ("e=1", 0.9), ("e=2", 1)]);

        PixelsNear(path, Blue).Should().BeGreaterThan(20_000, "three bars, two of them near the top");
    }

    [Fact]
    public void A_tornado_has_a_bar_each_side_for_each_input()
    {
        var path = Path.Combine(scratch, "tornado.png");
        TornadoChart.Save(path, "Sensitivity of CAN's gain", "gain (CAD millions)", 10,
            [new TornadoBar("trade[0].value", 6, 15), new TornadoBar("sectors.beef.demand_elasticity", 9, 11)]);

        PixelsNear(path, Blue).Should().BeGreaterThan(2_000, "low ends in steel blue");
        PixelsNear(path, Orange).Should().BeGreaterThan(2_000, "high ends in dark orange");
    }

    [Fact]
    public void A_chart_replaces_an_old_file_whole_and_leaves_no_temporary_file()
    {
        var path = Path.Combine(scratch, "rates.png");
        File.WriteAllText(path, "old");

        AgreementRateChart.Save(path, "Agreement rate", [("all", 0.5)]);

        new FileInfo(path).Length.Should().BeGreaterThan(1000);
        Directory.GetFiles(scratch).Should().ContainSingle();
    }
}
