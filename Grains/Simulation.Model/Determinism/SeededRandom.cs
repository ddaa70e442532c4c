namespace Simulation.Model.Determinism;

/// <summary>
/// The only way the model makes random generators (DESIGN §5.2): a generator per (run seed, entity
/// ids), seeded through <see cref="StableHash"/>, so the draws an entity sees never depend on which
/// silo runs it, on what other entities drew, or on message order.
/// </summary>
public static class SeededRandom
{
    /// <summary>
    /// A <see cref="Random"/> for this seed and these parts, e.g. <c>For(runSeed, "CAN-IDN", "CAN")</c>.
    /// </summary>
    /// <remarks>
    /// <c>new Random(int)</c> is used on purpose: with an explicit seed .NET keeps the legacy
    /// subtractive generator (Knuth's, from .NET Framework) for compatibility, so a given seed yields
    /// the same sequence on every platform and version; the parameterless constructor and
    /// <see cref="Random.Shared"/> use an unseeded xoshiro generator instead and are never used here.
    /// The 64-bit hash is folded (high half XOR low half) into the 32-bit seed that constructor takes.
    /// </remarks>
    public static Random For(long seed, params string[] parts) => new(SeedOf(seed, parts));

    /// <summary>The 32-bit seed <see cref="For"/> passes to <see cref="Random(int)"/>.</summary>
    public static int SeedOf(long seed, params string[] parts)
    {
        var hash = StableHash.Of(seed, parts);
        return unchecked((int)(hash ^ (hash >> 32)));
    }
}
