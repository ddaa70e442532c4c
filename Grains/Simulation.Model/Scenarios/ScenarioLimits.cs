using Simulation.Model.Negotiation;

namespace Simulation.Model.Scenarios;

/// <summary>
/// Bounds on what a scenario file may ask for. Scenario files come from users and from the internet,
/// so every resource the loader or a run spends on a file is bounded here, well above what a real
/// scenario needs (the largest published ones have a few hundred flows and a dozen levels per line).
/// </summary>
public static class ScenarioLimits
{
    /// <summary>Largest file accepted, in bytes (UTF-8). Checked before the file is read.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// Largest table file (<c>trade: { file: flows.csv }</c>) accepted, in bytes. A fourth of
    /// <see cref="MaxFileBytes"/>: the scenario with its tables written inline, as a run sends it,
    /// must still fit in that, and a CSV row grows about threefold written as a YAML mapping.
    /// </summary>
    public const int MaxTableFileBytes = MaxFileBytes / 4;

    /// <summary>
    /// Deepest nesting of mappings and sequences, the document itself being level 1. A scenario needs
    /// about 6; the bound keeps a hostile <c>[[[[…</c> from exhausting the stack of anything downstream.
    /// </summary>
    public const int MaxNestingDepth = 64;

    /// <summary>
    /// Most nodes that aliases (<c>*name</c>) may add to the document in total, counting every node
    /// of every expansion. Small on purpose: it stops "billion laughs" at the first levels.
    /// </summary>
    public const int MaxAliasExpandedNodes = 100;

    /// <summary>Most levels (options) a single tariff issue may offer, status quo included.</summary>
    public const int MaxLevelsPerIssue = 1_000;

    /// <summary>
    /// Most market solves valuing one negotiation's outcomes may take: the sum over its sectors of
    /// the number of combinations of levels of the sector's issues, each combination being one solve
    /// of that sector's markets (for both parties at once, DESIGN §4.2). One sector of two 1,000-level
    /// lines fits; five do not.
    /// </summary>
    public const int MaxMarketSolvesPerNegotiation = 1_000_000;

    /// <summary>
    /// Most sectors one negotiation's issues may span (<see cref="ParetoFrontier.MaxGroups"/>): the
    /// bidding frontier's memory grows with the square of the number of sectors.
    /// </summary>
    public const int MaxSectorsPerNegotiation = ParetoFrontier.MaxGroups;

    /// <summary>
    /// Most (frontier point, sector point) pairs the search for one negotiation's Pareto frontier may
    /// examine in the worst case (<see cref="ParetoFrontier.WorstCaseMergePairs"/>): 50 lines of 20
    /// levels in 50 sectors need at most 1.9e8, 100 lines in 50 sectors 3.9e9.
    /// </summary>
    public const double MaxParetoMergePairs = 1e10;

    /// <summary>Longest deadline, in rounds, for the scenario or one negotiation.</summary>
    public const int MaxRounds = 100_000;

    /// <summary>
    /// Most errors reported for one file. Past it the loader stops listing, so that a large broken
    /// file yields a readable report rather than megabytes of messages.
    /// </summary>
    public const int MaxErrors = 200;

    /// <summary>Longest country, sector or negotiation id, in characters.</summary>
    public const int MaxIdLength = 64;

    /// <summary>
    /// Longest discrete issue id or value name, in characters: far above any GENIUS domain's (the
    /// longest ANAC value is under 100), low enough that a table row stays readable.
    /// </summary>
    public const int MaxLabelLength = 1_024;
}
