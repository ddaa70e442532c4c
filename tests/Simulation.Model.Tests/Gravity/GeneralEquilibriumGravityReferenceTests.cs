using Simulation.Model.Gravity;
using Xunit.Abstractions;

namespace Simulation.Model.Tests.Gravity;

/// <summary>
/// Our solver against Stata's ge_gravity on the EU-enlargement example (expected numbers: the <c>expected_*</c>
/// columns of tests/data/ge-gravity-2000/flows-and-expected.csv, see <see cref="ReferenceData"/>).
/// </summary>
/// <remarks>
/// The published numbers went through Stata's default storage type, float (IEEE single precision), and were then
/// printed with 7 digits (welfare) and 4 decimals (flows). Welfare is therefore only known to about
/// half an ulp of a float near 1 (6e-8) plus the printing (5e-8); 2e-7 absolute covers both. Flows are tested to
/// 1e-4 relative where 4 decimals can carry it (published value ≥ 0.5); the few smaller ones, such as LTU→IDN
/// printed as 0.029, can only be checked to half a unit of the 4th decimal (5e-5).
/// </remarks>
public sealed class GeneralEquilibriumGravityReferenceTests(ITestOutputHelper output)
{
    private const double WelfareTolerance = 2e-7;
    private const double FlowRelativeTolerance = 1e-4;
    private const double FlowPrintingHalfUnit = 5e-5;

    public static TheoryData<TradeImbalances> Modes => new() { TradeImbalances.Additive, TradeImbalances.Multiplicative };

    [Theory]
    [MemberData(nameof(Modes))]
    public void Welfare_of_every_country_matches_stata(TradeImbalances mode)
    {
        var reference = ReferenceData.Instance;
        var result = GeneralEquilibriumGravity.Solve(reference.Flows, theta: 4, imbalances: mode);

        result.Converged.Should().BeTrue();
        result.MaxLogChange.Should().BeLessThanOrEqualTo(1e-8);
        var expected = ExpectedWelfare(reference, mode);
        result.Countries.Select(c => c.Id).Should().BeEquivalentTo(expected.Keys).And.HaveCount(44);
        var maxError = result.Countries.Max(c => Math.Abs(c.Welfare - expected[c.Id]));
        output.WriteLine($"{mode}: {result.Iterations} iterations, last max|Δ ln X| {result.MaxLogChange:E2}, max welfare error {maxError:E2}");
        foreach (var country in result.Countries)
        {
            country.Welfare.Should().BeApproximately(expected[country.Id], WelfareTolerance, "welfare of {0} ({1})", country.Id, mode);
        }
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void Every_new_flow_matches_stata(TradeImbalances mode)
    {
        var reference = ReferenceData.Instance;
        var result = GeneralEquilibriumGravity.Solve(reference.Flows, theta: 4, imbalances: mode);

        result.Converged.Should().BeTrue();
        var actual = result.Flows.ToDictionary(f => (f.Exporter, f.Importer));
        actual.Should().HaveCount(reference.Rows.Count).And.HaveCount(44 * 44);
        var maxRelative = 0.0; // over flows checked relatively
        var maxAbsoluteSmall = 0.0; // over flows checked to the printing
        var printingLimited = 0;
        foreach (var row in reference.Rows)
        {
            var flow = actual[(row.Exporter, row.Importer)];
            flow.Before.Should().Be(row.Trade);
            var expected = row.NewTrade(mode);
            var relativeLimit = FlowRelativeTolerance * expected;
            if (relativeLimit < FlowPrintingHalfUnit)
            {
                printingLimited++;
                maxAbsoluteSmall = Math.Max(maxAbsoluteSmall, Math.Abs(flow.After - expected));
            }
            else
            {
                maxRelative = Math.Max(maxRelative, Math.Abs(flow.After - expected) / expected);
            }
            flow.After.Should().BeApproximately(expected, Math.Max(relativeLimit, FlowPrintingHalfUnit),
                "new flow {0}→{1} ({2})", row.Exporter, row.Importer, mode);
        }
        output.WriteLine($"{mode}: max relative flow error {maxRelative:E2} (flows ≥ 0.5); {printingLimited} smaller flows, max absolute error {maxAbsoluteSmall:E2}");
        printingLimited.Should().BeLessThan(20, "only a handful of flows are too small for 4 decimals to carry 1e-4");
    }

    /// <summary>
    /// Stronger than the tolerances above: our numbers, stored as Stata stores them (float) and printed with the
    /// published digits, are the published numbers. A failure here with the tolerance tests passing would mean a
    /// value sits on a rounding boundary; a failure of both means the solver changed.
    /// </summary>
    [Theory]
    [MemberData(nameof(Modes))]
    public void Stored_as_stata_floats_the_results_reproduce_the_publication_exactly(TradeImbalances mode)
    {
        var reference = ReferenceData.Instance;
        var result = GeneralEquilibriumGravity.Solve(reference.Flows, theta: 4, imbalances: mode);

        var expectedWelfare = ExpectedWelfare(reference, mode);
        var welfareMismatches = result.Countries
            .Where(c => Math.Round((double)(float)c.Welfare, 7) != expectedWelfare[c.Id])
            .Select(c => $"{c.Id}: {c.Welfare:F9} vs {expectedWelfare[c.Id]:F7}")
            .ToList();
        var actual = result.Flows.ToDictionary(f => (f.Exporter, f.Importer), f => f.After);
        var flowMismatches = reference.Rows
            .Where(r => Math.Round((double)(float)actual[(r.Exporter, r.Importer)], 4) != r.NewTrade(mode))
            .Select(r => $"{r.Exporter}→{r.Importer}: {actual[(r.Exporter, r.Importer)]:F6} vs {r.NewTrade(mode):F4}")
            .ToList();

        welfareMismatches.Should().BeEmpty();
        flowMismatches.Should().BeEmpty();
    }

    private static Dictionary<string, double> ExpectedWelfare(ReferenceData reference, TradeImbalances mode)
    {
        // The file repeats the exporter's welfare on each of its rows; they must agree.
        var byExporter = reference.Rows.GroupBy(r => r.Exporter).ToDictionary(g => g.Key, g => g.Select(r => r.Welfare(mode)).Distinct().ToList());
        byExporter.Values.Should().OnlyContain(values => values.Count == 1);
        return byExporter.ToDictionary(p => p.Key, p => p.Value[0]);
    }
}
