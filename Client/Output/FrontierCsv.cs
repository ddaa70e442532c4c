using System.Globalization;
using System.Text;
using Simulation.Model.Reporting;
using Simulation.Model.Numerics;

namespace Simulation.Client.Output;

/// <summary>
/// Every negotiation's Pareto frontier as tidy CSV for plotting (`run --frontier`): one row per
/// negotiation × point × party, so that pandas or R can pivot or facet it without reshaping.
/// </summary>
/// <remarks>
/// Columns: <c>negotiation, point, party, utility, gain, gain_measure, reservation, on_frontier,
/// agreement, nash, kalai_smorodinsky, max_social_welfare, outcome</c>. <c>point</c> numbers a
/// negotiation's points from 0 in the frontier's order (first party's utility descending);
/// <c>utility</c> is the party's normalised utility, <c>gain</c> its gain over no deal in the
/// scenario's unit, in the score <c>gain_measure</c> names (the party's objective's, not welfare). The flags mark the
/// frontier points that are the Nash, Kalai–Smorodinsky and maximum-welfare points and the
/// agreement; an agreement that is not on the frontier gets rows of its own, after the frontier's,
/// with <c>on_frontier</c> false. <c>outcome</c> is the outcome as <see cref="OfferText"/> writes it
/// (tariffs, quotas and discrete issues separated by "; "). Numbers are written round-trip exact with a decimal point,
/// booleans as true/false; records end in CRLF and a field is quoted as RFC 4180 requires
/// (<see cref="Field"/>).
/// </remarks>
public static class FrontierCsv
{
    public static IReadOnlyList<string> Columns { get; } =
        ["negotiation", "point", "party", "utility", "gain", "gain_measure", "reservation", "on_frontier", "agreement", "nash", "kalai_smorodinsky", "max_social_welfare", "outcome"];

    public static string Write(RunOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var csv = new StringBuilder();
        Record(csv, Columns);
        foreach (var negotiation in outcome.Negotiations)
        {
            WriteNegotiation(csv, negotiation);
        }

        return csv.ToString();
    }

    /// <summary>
    /// A field as RFC 4180 §2 writes it: enclosed in double quotes if it holds a comma, a double
    /// quote, a line break or leading or trailing space (which some readers trim), each double
    /// quote inside doubled; otherwise as it is.
    /// </summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var quote = value.AsSpan().IndexOfAny(",\"\r\n") >= 0 || (value.Length > 0 && (char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])));
        return quote ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }

    internal static void Record(StringBuilder csv, IEnumerable<string> fields)
    {
        csv.AppendJoin(',', fields.Select(Field));
        csv.Append("\r\n");
    }

    private static void WriteNegotiation(StringBuilder csv, NegotiationOutcome negotiation)
    {
        var analysis = negotiation.Analysis;
        var agreementOnFrontier = false;
        for (var point = 0; point < analysis.Frontier.Count; point++)
        {
            var frontierPoint = analysis.Frontier[point];
            var isAgreement = negotiation.Agreement is { } agreement && frontierPoint.Outcome.SequenceEqual(agreement);
            agreementOnFrontier |= isAgreement;
            foreach (var party in negotiation.Parties)
            {
                WriteRow(
                    csv, negotiation, point, party, frontierPoint.Utility[party], frontierPoint.Gain[party], onFrontier: true, isAgreement,
                    Is(analysis.Nash, frontierPoint), Is(analysis.KalaiSmorodinsky, frontierPoint), Is(analysis.MaxSocialWelfare, frontierPoint),
                    frontierPoint.Outcome);
            }
        }

        if (negotiation.Agreement is { } offFrontier && !agreementOnFrontier)
        {
            foreach (var party in negotiation.Parties)
            {
                WriteRow(
                    csv, negotiation, analysis.Frontier.Count, party, negotiation.Utility[party], negotiation.Gain[party], onFrontier: false, isAgreement: true,
                    Is(analysis.Nash, offFrontier), Is(analysis.KalaiSmorodinsky, offFrontier), Is(analysis.MaxSocialWelfare, offFrontier),
                    offFrontier);
            }
        }
    }

    private static void WriteRow(
        StringBuilder csv, NegotiationOutcome negotiation, int point, string party, double utility, double gain,
        bool onFrontier, bool isAgreement, bool nash, bool kalaiSmorodinsky, bool maxWelfare, IReadOnlyList<OutcomeEntry> outcome)
    {
        Record(csv,
        [
            negotiation.Id,
            point.ToString(CultureInfo.InvariantCulture),
            party,
            Number(utility),
            Number(gain),
            negotiation.GainMeasure[party],
            Number(negotiation.Reservation[party]),
            Flag(onFrontier),
            Flag(isAgreement),
            Flag(nash),
            Flag(kalaiSmorodinsky),
            Flag(maxWelfare),
            OfferText.Describe(outcome),
        ]);
    }

    private static bool Is(BargainingPointOutcome? point, FrontierPointOutcome candidate) => Is(point, candidate.Outcome);

    private static bool Is(BargainingPointOutcome? point, IReadOnlyList<OutcomeEntry> candidate) =>
        point is not null && point.Outcome.SequenceEqual(candidate);

    private static string Flag(bool value) => value ? "true" : "false";

    internal static string Number(double value) =>
        double.IsFinite(value)
            ? value.ToString("R", CultureInfo.InvariantCulture)
            : throw new NonFiniteResultException(
                $"a result is not a finite number (it is {NonFinite.Describe(value)}); the frontier was not written. " +
                "The inputs passed validation, so this is a defect: please report it with the input files.");
}
