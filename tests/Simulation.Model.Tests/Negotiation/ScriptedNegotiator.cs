using Simulation.Model.Determinism;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>A negotiator whose moves a test writes down; it remembers what it was told on each turn.</summary>
internal sealed class ScriptedNegotiator(string party, Func<TurnContext, NegotiationAction> decide) : INegotiator
{
    private readonly List<TurnContext> _turns = [];

    /// <summary>Plays the moves in order, one per turn.</summary>
    public ScriptedNegotiator(string party, params NegotiationAction[] moves)
        : this(party, MovesInOrder(moves))
    {
    }

    public string Party { get; } = party;

    public IReadOnlyList<TurnContext> Turns => _turns;

    public NegotiationAction Decide(TurnContext turn, DeferredRandom random)
    {
        _turns.Add(turn);
        return decide(turn);
    }

    public NegotiatorSnapshot Snapshot() => new(Party, "scripted", 0, null, null, null, null);

    private static Func<TurnContext, NegotiationAction> MovesInOrder(NegotiationAction[] moves)
    {
        var next = 0;
        return _ => next < moves.Length ? moves[next++] : throw new InvalidOperationException("The script has no more moves.");
    }
}
