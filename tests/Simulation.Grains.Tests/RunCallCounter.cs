using System.Collections.Concurrent;

namespace Simulation.Grains.Tests;

/// <summary>
/// Counts, per run, the calls that reach its country and negotiation grains, by method (keys of the
/// form <c>{run}/…</c>): how many messages a run's turns cost, without timing anything.
/// </summary>
public sealed class RunCallCounter : IIncomingGrainCallFilter
{
    private static readonly ConcurrentDictionary<(string Run, string Method), int> s_calls = new();

    /// <summary>The calls each method of a country or negotiation grain of <paramref name="runId"/> received.</summary>
    public static IReadOnlyDictionary<string, int> Of(string runId) =>
        s_calls.Where(c => c.Key.Run == runId).ToDictionary(c => c.Key.Method, c => c.Value, StringComparer.Ordinal);

    public Task Invoke(IIncomingGrainCallContext context)
    {
        var key = context.TargetId.Key.ToString() ?? "";
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        var runGrain = context.InterfaceName.Contains("CountryGrain", StringComparison.Ordinal) || context.InterfaceName.Contains("NegotiationGrain", StringComparison.Ordinal);
        if (slash > 0 && runGrain)
        {
            s_calls.AddOrUpdate((key[..slash], context.MethodName), 1, (_, n) => n + 1);
        }

        return context.Invoke();
    }
}
