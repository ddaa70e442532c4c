using Simulation.Model.Scenarios;

namespace Simulation.Model.Economics;

/// <summary>
/// The sectors a scenario's vertical links connect (DESIGN §3.2): two sectors are in one block when
/// some country uses one as an input to the other, and blocks are closed under that (canola seed →
/// oil and seed → meal make one block of three). Without links every sector is a block of its own,
/// which is what keeps negotiators' utilities additive across sectors (DESIGN §4.2); with them the
/// unit of additivity is the block, which the market model solves jointly.
/// </summary>
public sealed class LinkedBlocks
{
    private readonly Dictionary<string, IReadOnlyList<string>> _blockOf;

    private LinkedBlocks(Dictionary<string, IReadOnlyList<string>> blockOf) => _blockOf = blockOf;

    /// <summary>No links: every sector alone.</summary>
    public static LinkedBlocks None { get; } = new(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal));

    /// <summary>Whether any sectors are linked.</summary>
    public bool Any => _blockOf.Count > 0;

    /// <summary>
    /// The blocks of <paramref name="sectors"/> (in scenario order) under <paramref name="inputs"/>:
    /// each block's sectors in scenario order.
    /// </summary>
    public static LinkedBlocks Of(IEnumerable<string> sectors, IEnumerable<InputShare> inputs)
    {
        ArgumentNullException.ThrowIfNull(sectors);
        ArgumentNullException.ThrowIfNull(inputs);
        var order = sectors.ToList();
        var parent = order.ToDictionary(s => s, s => s, StringComparer.Ordinal);
        string Root(string s)
        {
            while (parent[s] != s)
            {
                s = parent[s];
            }

            return s;
        }

        var linked = false;
        foreach (var input in inputs)
        {
            linked = true;
            var (a, b) = (Root(input.Sector), Root(input.Input));
            if (a != b)
            {
                parent[b] = a;
            }
        }

        if (!linked)
        {
            return None;
        }

        var blockOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var group in order.GroupBy(Root, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var block = group.ToList();
            foreach (var sector in block)
            {
                blockOf[sector] = block;
            }
        }

        return new LinkedBlocks(blockOf);
    }

    /// <summary>Whether <paramref name="sector"/> is linked to another.</summary>
    public bool IsLinked(string sector) => _blockOf.ContainsKey(sector);

    /// <summary>The sectors of <paramref name="sector"/>'s block, in scenario order: itself alone when it is not linked.</summary>
    public IReadOnlyList<string> BlockOf(string sector) => _blockOf.TryGetValue(sector, out var block) ? block : [sector];

    /// <summary>
    /// The name of <paramref name="sector"/>'s block as outcome spaces key their groups: the sector's
    /// own name when it is alone, its sectors joined by " + " otherwise.
    /// </summary>
    public string KeyOf(string sector) => _blockOf.TryGetValue(sector, out var block) ? string.Join(" + ", block) : sector;
}
