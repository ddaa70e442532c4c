using ScottPlot;

namespace Simulation.Client.Plots;

/// <summary>One offer of a negotiation: its turn, who made it, and every party's utility of it (in the negotiation's party order).</summary>
public sealed record ConcessionOffer(int Turn, string Party, IReadOnlyList<double> Utilities);

/// <summary>
/// The concession curves of one negotiation (as NegMAS and GENIUS draw them): for each party, its
/// utility of every offer on the table over the turns, so a party conceding shows as its own
/// offers falling and the others' rising towards it.
/// </summary>
public static class ConcessionChart
{
    public static void Save(string path, string title, IReadOnlyList<string> parties, IReadOnlyList<ConcessionOffer> offers)
    {
        var plot = new Plot();
        for (var p = 0; p < parties.Count; p++)
        {
            var own = offers.Where(o => o.Party == parties[p]).ToList();
            var curve = plot.Add.Scatter(own.Select(o => (double)o.Turn).ToArray(), own.Select(o => o.Utilities[p]).ToArray());
            curve.LegendText = $"{parties[p]}: its own offers";
            curve.Color = ChartFile.Colour(p);
            var theirs = offers.Where(o => o.Party != parties[p]).ToList();
            var received = plot.Add.Scatter(theirs.Select(o => (double)o.Turn).ToArray(), theirs.Select(o => o.Utilities[p]).ToArray());
            received.LegendText = $"{parties[p]}: the others' offers";
            received.Color = curve.Color;
            received.LinePattern = LinePattern.Dotted;
        }

        plot.Title(title);
        plot.XLabel("turn");
        plot.YLabel("utility of the offer (0 = worst on the table, 1 = best)");
        plot.Axes.SetLimitsY(-0.05, 1.05);
        plot.ShowLegend(Alignment.UpperRight);
        ChartFile.Save(plot, path);
    }
}
