using SkiaSharp;

namespace Simulation.Client.Tests;

/// <summary>A chart file as a test reads it: a 960 × 600 PNG, and how many of its pixels are near a colour of the charts' palette.</summary>
internal static class PngPixels
{
    // The charts' palette starts with steel blue #4682B4 and dark orange #FF8C00.
    public static readonly SKColor Blue = new(0x46, 0x82, 0xB4);
    public static readonly SKColor Orange = new(0xFF, 0x8C, 0x00);

    public static int Near(string path, SKColor colour)
    {
        using var bitmap = SKBitmap.Decode(path);
        bitmap.Should().NotBeNull($"{path} is a PNG");
        (bitmap.Width, bitmap.Height).Should().Be((960, 600), $"{path} has the charts' size");
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
}
