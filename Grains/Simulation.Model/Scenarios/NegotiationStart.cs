namespace Simulation.Model.Scenarios;

/// <summary>
/// When a negotiation opens (DESIGN §5.1): at round <see cref="Round"/> (<c>start: N</c>; round 1
/// without <c>start:</c>), or, when <see cref="IsDeferred"/> (<c>start: deferred</c>), only when a
/// <c>start</c> event opens it.
/// </summary>
public sealed record NegotiationStart(int? Round)
{
    public const string DeferredName = "deferred";

    /// <summary>The default: the negotiation opens in round 1.</summary>
    public static NegotiationStart FirstRound { get; } = new(1);

    public static NegotiationStart Deferred { get; } = new((int?)null);

    public bool IsDeferred => Round is null;
}
