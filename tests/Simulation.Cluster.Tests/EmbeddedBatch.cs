namespace Simulation.Cluster.Tests;

/// <summary>
/// The batch the fault tests send through the cluster, and its rows played without a cluster (by the
/// local engine, whose rows are the embedded silo's): the reference every cluster batch must equal row for row
/// (DESIGN §5.2: the outcome depends on scenario and seed only, not on where or how often a run
/// was interrupted). 3 variants × 100 replicates of a small shipped scenario: 300 runs, 600 rows.
/// </summary>
public sealed class EmbeddedBatch : IAsyncLifetime
{
    public static readonly string[] Command =
        ["batch", Path.Combine("scenarios", "canada-indonesia.yaml"), "--vary", "countries.CAN.strategy.e=0.5,1,1.5", "--runs", "100", "--engine", "grains"];

    /// <summary>Runs in the batch, and rows in its runs.csv (one per party of its one negotiation).</summary>
    public const int Runs = 300;

    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-cluster-batch-").FullName;

    /// <summary>The embedded batch's runs.csv lines after the header, sorted (rows are written in the order runs end).</summary>
    public IReadOnlyList<string> Rows { get; private set; } = [];

    public string Header { get; private set; } = "";

    public async Task InitializeAsync()
    {
        // Played by the local engine, whose rows equal the embedded silo's byte for byte (the engine
        // equivalence tests hold them to it) in a fraction of the time: on two cores the grains engine
        // plays two runs at a time, and the fixture would take most of the suite's time.
        var output = Path.Combine(scratch, "embedded");
        string[] local = [.. Command[..^2], "--engine", "local", "--out", output];
        var result = await TradeSimProcess.RunAsync(local, environment: null, limit: TimeSpan.FromMinutes(4));
        result.ExitCode.Should().Be(0, result.Stderr);
        (Header, Rows) = Read(output);
        Rows.Should().HaveCount(2 * Runs);
    }

    /// <summary>A new directory for a test's batch output.</summary>
    public string NewOutput(string name) => Path.Combine(scratch, $"{name}-{Guid.NewGuid():N}");

    /// <summary>The header and the sorted rows of the runs.csv in <paramref name="output"/>.</summary>
    public static (string Header, IReadOnlyList<string> Rows) Read(string output)
    {
        var lines = File.ReadAllText(Path.Combine(output, "runs.csv")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return (lines[0], [.. lines[1..].Order(StringComparer.Ordinal)]);
    }

    /// <summary>Checks that the runs.csv in <paramref name="output"/> has the embedded batch's header and rows, each once.</summary>
    public void ShouldMatch(string output, string because = "")
    {
        var (header, rows) = Read(output);
        header.Should().Be(Header);
        rows.Should().Equal(Rows, because);
    }

    /// <summary>How many rows the runs.csv in <paramref name="output"/> has now (0 before it exists).</summary>
    public static int RowsSoFar(string output)
    {
        var path = Path.Combine(output, "runs.csv");
        if (!File.Exists(path))
        {
            return 0;
        }

        using var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var text = new StreamReader(reader);
        return Math.Max(0, text.ReadToEnd().Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1);
    }

    public Task DisposeAsync()
    {
        Directory.Delete(scratch, recursive: true);
        return Task.CompletedTask;
    }
}
