namespace Simulation.Model.TradeData;

/// <summary>The entry of a table keyed by product-code prefixes that matches a code most closely: its longest prefix present.</summary>
internal static class LongestPrefix
{
    public static T? Find<T>(IReadOnlyDictionary<string, T> byPrefix, string code)
        where T : class
    {
        for (var length = code.Length; length > 0; length--)
        {
            if (byPrefix.TryGetValue(code[..length], out var found))
            {
                return found;
            }
        }

        return null;
    }
}
