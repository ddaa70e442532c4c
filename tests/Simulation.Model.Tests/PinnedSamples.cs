using System.Globalization;
using CsCheck;

namespace Simulation.Model.Tests;

/// <summary>
/// How every property test draws its cases, so that CI plays the same cases on every run and a
/// failure in CI is a regression, not a new random draw. A property names its pinned CsCheck seed;
/// case i plays the seed drawn i-th from a generator started at that seed, each through CsCheck's
/// own <c>seed:</c> parameter, so a failing case reports a seed ("Set seed: …") that replays it alone.
/// Random exploration is a separate, explicit command: with TRADESIM_EXPLORE set, every property
/// draws fresh cases from CsCheck (and shrinks a failure to a small one), as many as the test says,
/// or TRADESIM_EXPLORE cases when it is a whole number. A seed it prints can be pinned in the test.
/// </summary>
internal static class PinnedSamples
{
    private const string ExploreVariable = "TRADESIM_EXPLORE";

    /// <summary>Plays <paramref name="cases"/> cases of <paramref name="gen"/> through <paramref name="assert"/>.</summary>
    public static void SampleCases<T>(this Gen<T> gen, Action<T> assert, string seed, int cases, Func<T, string>? print = null)
    {
        if (Exploring(out var explore))
        {
            gen.Sample(assert, iter: explore ?? cases, threads: 1, print: print);
            return;
        }

        var walk = PCG.Parse(seed);
        for (var i = 0; i < cases; i++)
        {
            var caseSeed = new PCG(walk.Stream, walk.Next64()).ToString();
            gen.Sample(assert, seed: caseSeed, iter: 1, threads: 1, print: print);
        }
    }

    public static void SampleCases<T1, T2>(this Gen<(T1, T2)> gen, Action<T1, T2> assert, string seed, int cases) =>
        gen.SampleCases(t => assert(t.Item1, t.Item2), seed, cases);

    public static void SampleCases<T1, T2, T3>(this Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, string seed, int cases) =>
        gen.SampleCases(t => assert(t.Item1, t.Item2, t.Item3), seed, cases);

    public static void SampleCases<T1, T2, T3, T4>(this Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, string seed, int cases) =>
        gen.SampleCases(t => assert(t.Item1, t.Item2, t.Item3, t.Item4), seed, cases);

    public static void SampleCases<T1, T2, T3, T4, T5>(this Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> assert, string seed, int cases) =>
        gen.SampleCases(t => assert(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), seed, cases);

    /// <summary>Whether TRADESIM_EXPLORE asks for random cases, and how many when it gives a number.</summary>
    private static bool Exploring(out int? cases)
    {
        cases = null;
        var value = Environment.GetEnvironmentVariable(ExploreVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            cases = n;
        }

        return true;
    }
}
