namespace Simulation.Model.Scenarios;

/// <summary>
/// Formats the "(declared: …)" part of messages. Long lists are cut, since a world of 200
/// countries would otherwise bury the message; and only what is shown is walked, since a hostile
/// file can make both the list and the number of such messages large.
/// </summary>
internal static class Listing
{
    private const int MaxShown = 20;

    public static string Of(IReadOnlyCollection<string> items)
    {
        if (items.Count == 0)
        {
            return "none";
        }

        var shown = string.Join(", ", items.Take(MaxShown).Select(Quoted.Short));
        return items.Count <= MaxShown ? shown : $"{shown}, ... ({items.Count - MaxShown} more)";
    }
}
