using Simulation.Grains.Abstractions.Runs;
using Simulation.Tests.Shared;

namespace Simulation.Client.Tests;

/// <summary>
/// `batch --plots`: the charts in DIR/plots/, each a 960 × 600 PNG with its series drawn (pixels of
/// the palette's colours, which a blank chart or one without data would not have).
/// </summary>
public sealed class BatchPlotsTests : IDisposable
{
    private static readonly string Canola = Path.Combine("scenarios", "canada-china-canola.yaml");
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-batch-plots-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task A_grid_gets_concession_curves_agreement_rates_and_the_distributions_of_utilities_and_gains()
    {
        var dir = Path.Combine(scratch, "grid");

        // The strategy alone gives every replicate the same deal (a box of height 0); drawing the canola
        // supply elasticity spreads the utilities and gains so each box has a body to see.
        var result = await TradeSimProcess.RunAsync("batch", Canola, "--vary", "countries.CAN.strategy.e=0.2,1,2",
            "--sample", "sectors.canola_seed.supply_elasticity=uniform(0.5,3)", "--runs", "6", "--plots", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stderr.Should().Contain("6 charts in");
        var plots = Path.Combine(dir, "plots");
        Directory.GetFiles(plots).Select(Path.GetFileName).Order(StringComparer.Ordinal).Should().Equal(
            "agreement-rate-CAN-CHN.png", "concession-CAN-CHN.png",
            "gain-CAN-CHN-CAN.png", "gain-CAN-CHN-CHN.png", "utility-CAN-CHN-CAN.png", "utility-CAN-CHN-CHN.png");

        var concession = Path.Combine(plots, "concession-CAN-CHN.png");
        PngPixels.Near(concession, PngPixels.Blue).Should().BeGreaterThan(500, "CAN's curves are drawn in the first colour");
        PngPixels.Near(concession, PngPixels.Orange).Should().BeGreaterThan(500, "CHN's in the second");
        PngPixels.Near(Path.Combine(plots, "agreement-rate-CAN-CHN.png"), PngPixels.Blue).Should().BeGreaterThan(5_000, "a bar per variant");
        foreach (var chart in new[] { "gain-CAN-CHN-CAN.png", "gain-CAN-CHN-CHN.png", "utility-CAN-CHN-CAN.png", "utility-CAN-CHN-CHN.png" })
        {
            // A box per variant in the palette's colours, the first blue and the second orange.
            (PngPixels.Near(Path.Combine(plots, chart), PngPixels.Blue) + PngPixels.Near(Path.Combine(plots, chart), PngPixels.Orange))
                .Should().BeGreaterThan(5_000, chart);
        }
    }

    [Fact]
    public async Task The_concession_curves_are_those_of_the_run_chosen()
    {
        var text = File.ReadAllText(Path.Combine(RepositoryPaths.Root, Canola));
        string[] options = ["--vary", "countries.CAN.strategy.e=0.2,2", "--seed", "5", "--plots"];
        var first = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--out", Path.Combine(scratch, "first")]);
        var chosen = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--plot-run", RunIds.For(text, 5, "countries.CAN.strategy.e=2"), "--out", Path.Combine(scratch, "chosen")]);
        var again = await TradeSimProcess.RunAsync(["batch", Canola, .. options, "--plot-run", RunIds.For(text, 5, "countries.CAN.strategy.e=0.2"), "--out", Path.Combine(scratch, "again")]);

        (first.ExitCode, chosen.ExitCode, again.ExitCode).Should().Be((0, 0, 0), first.Stderr + chosen.Stderr + again.Stderr);
        byte[] Chart(string batch) => File.ReadAllBytes(Path.Combine(scratch, batch, "plots", "concession-CAN-CHN.png"));
        Chart("again").Should().Equal(Chart("first"), "the first run is the default");
        Chart("chosen").Should().NotEqual(Chart("first"), "a Conceder (e = 2) concedes early, Boulware (e = 0.2) late");
    }

    [Fact]
    public async Task A_negotiation_that_never_agreed_gets_its_agreement_rate_and_curves_but_no_empty_box_plots()
    {
        // In the pivot the US ends USA-CAN at round 5 and CAN-MYS reaches its deadline: no agreement to value.
        var dir = Path.Combine(scratch, "pivot");

        var result = await TradeSimProcess.RunAsync("batch", Path.Combine("scenarios", "canada-asia-pivot.yaml"), "--plots", "--out", dir);

        result.ExitCode.Should().Be(0, result.Stderr);
        var charts = Directory.GetFiles(Path.Combine(dir, "plots")).Select(Path.GetFileName).ToList();
        charts.Should().Contain(["agreement-rate-USA-CAN.png", "concession-USA-CAN.png", "agreement-rate-CAN-MYS.png", "gain-CAN-CHN-CAN.png"]);
        charts.Should().NotContain(c => c!.StartsWith("gain-USA-CAN", StringComparison.Ordinal) || c.StartsWith("utility-CAN-MYS", StringComparison.Ordinal));
        // 5 negotiations × (rate + curves) + 3 agreed × 2 parties × (utility + gain).
        charts.Should().HaveCount(22);
    }
}
