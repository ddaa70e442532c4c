using Simulation.Client.Output;
using Spectre.Console;

namespace Simulation.Client.Bench;

/// <summary>The bench's figures as tables for a person (DESIGN §7); JSON keeps every digit.</summary>
internal static class BenchTables
{
    public static IEnumerable<Table> Of(BenchReport report)
    {
        if (report.W1?.Local is { } local)
        {
            yield return Figures("W1 in process",
                "both pairs, one run at a time as batch --engine local plays them, warm-up excluded",
                ("negotiations/s", N(local.NegotiationsPerSecond, "#,##0")),
                ("µs per turn", N(local.MicrosecondsPerTurn, "0.00")),
                ("bytes allocated per negotiation", N(local.BytesAllocatedPerNegotiation, "#,##0")));
        }

        if (report.W1?.Grains is { } grains)
        {
            yield return Figures("W1 through grains",
                "embedded silo, every turn a grain message; turn cost ratio: a turn's time over an empty grain call's on the same silo",
                ("negotiations/s", N(grains.NegotiationsPerSecond, "#,##0.0")),
                ("empty grain calls/s", N(grains.EmptyCallsPerSecond, "#,##0")),
                ("turn cost ratio", N(grains.TurnCostRatio, "0.00")));
        }

        if (report.World is { Count: > 0 } world)
        {
            var table = new Table().Title("World benchmark")
                .Border(TableBorder.Rounded)
                .Caption("synthetic worlds, every pair negotiating, coupled through gsim, 100 rounds; peak memory: the process's highest working set during the run (sampled every 10 ms)")
                .AddColumns("Countries", "Engine", "Negotiations", "Seconds", "Peak memory (MiB)", "µs per negotiation-round");
            foreach (var column in table.Columns.Where((_, i) => i != 1))
            {
                column.RightAligned();
            }

            foreach (var figure in world)
            {
                table.AddRow(N(figure.Countries, "0"), figure.Engine, N(figure.Negotiations, "#,##0"), N(figure.Seconds, "0.00"),
                    N(figure.PeakMemoryMb, "#,##0"), N(figure.MicrosecondsPerNegotiationRound, "#,##0.0"));
            }

            yield return table;
        }
    }

    private static Table Figures(string title, string caption, params (string Name, string Value)[] rows)
    {
        var table = new Table().Title(title).Border(TableBorder.Rounded).Caption(caption).AddColumns("Measure", "Value");
        table.Columns[1].RightAligned();
        foreach (var (name, value) in rows)
        {
            table.AddRow(name, value);
        }

        return table;
    }

    private static string N(double value, string format) => Markup.Escape(Numbers.Format(value, format));
}
