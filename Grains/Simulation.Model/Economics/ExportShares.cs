namespace Simulation.Model.Economics;

/// <summary>
/// How a country's exports are spread over its partners: each partner's share of the total, and
/// the partner taking the most with its share (a one-number measure of dependence on a single
/// market, the figure behind "Canada sends three quarters of its exports to the US"). A country
/// with no exports has no shares and no largest partner. Ties go to the partner whose id sorts
/// first (ordinal), so the answer never depends on dictionary order.
/// </summary>
public sealed record ExportShares(
    IReadOnlyDictionary<string, double> Shares,
    string? LargestPartner,
    double LargestPartnerShare)
{
    public static ExportShares Of(IReadOnlyDictionary<string, double> exportsByPartner)
    {
        var total = exportsByPartner.Values.Sum();
        var shares = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (total <= 0)
        {
            return new ExportShares(shares, null, 0);
        }

        string? largest = null;
        var largestValue = double.NegativeInfinity;
        foreach (var (partner, value) in exportsByPartner.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            shares[partner] = value / total;
            if (value > largestValue)
            {
                largest = partner;
                largestValue = value;
            }
        }

        return new ExportShares(shares, largest, largestValue / total);
    }
}
