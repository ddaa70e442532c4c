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

    /// <summary>Longest deadline, in rounds, for the scenario or one negotiation.</summary>
    public const int MaxRounds = 100_000;

    /// <summary>
    /// Most errors reported for one file. Past it the loader stops listing, so that a large broken
    /// file yields a readable report rather than megabytes of messages.
    /// </summary>
    public const int MaxErrors = 200;

    /// <summary>Longest country, sector or negotiation id, in characters.</summary>
    public const int MaxIdLength = 64;
}
