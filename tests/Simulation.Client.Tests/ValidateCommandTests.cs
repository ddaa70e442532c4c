namespace Simulation.Client.Tests;

/// <summary>`validate`: what it says of a valid file.</summary>
public sealed class ValidateCommandTests : IDisposable
{
    private readonly string scratch = Directory.CreateTempSubdirectory("tradesim-validate-").FullName;

    public void Dispose() => Directory.Delete(scratch, recursive: true);

    [Fact]
    public async Task Validate_counts_the_numbers_a_file_marks_as_estimates()
    {
        var file = Path.Combine(scratch, "estimates.yaml");
        File.WriteAllText(file, """
            name: Marked
            sectors:
              goods: { demand_elasticity: 1.5, substitution_elasticity: 4, estimate: { demand_elasticity: { low: 0.5, high: 3 } } }
            countries:
              AAA: { name: A }
              BBB: { name: B }
            trade:
              - { importer: AAA, exporter: BBB, sector: goods, value: 100, tariff: 10, estimate: { value: { low: 50, high: 150 } } }
              - { importer: BBB, exporter: AAA, sector: goods, value: 80, tariff: 8 }
            """);

        var result = await TradeSimProcess.RunAsync("validate", file);

        result.ExitCode.Should().Be(0, result.Stderr);
        result.Stdout.Should().Contain("(2 countries, 2 trade flows, 0 negotiations, 2 estimates)");
    }
}
