using Simulation.Grains.Abstractions.Countries;
using Simulation.Model.Negotiation;

namespace Simulation.Grains.Negotiations;

/// <summary>
/// Each party's utility of every offer of one round, gathered as the round is played: a party values
/// on its turn the offers made since it last valued, and its own offer (<see cref="TurnReply"/>), so
/// a round of alternating offers leaves one value to ask for at its end instead of every offer
/// twice (DESIGN §7). Every value is the party's own, in the world of the round, as the run engine
/// would have asked for it after the round (DESIGN §2 "Seams").
/// </summary>
internal sealed class RoundValuation
{
    private readonly IReadOnlyList<TurnRecord> history;
    private readonly List<Outcome> offers = [];
    private readonly Dictionary<string, List<double?>> values = new(StringComparer.Ordinal);
    private int turnsSeen;

    // The value a party gave of the offer it just made, until the protocol records that offer.
    private (string Party, Outcome Offer, double Utility)? pending;

    /// <summary>A round about to be played by <paramref name="parties"/>, whose turns <paramref name="history"/> will list after its current end.</summary>
    public RoundValuation(IReadOnlyList<string> parties, IReadOnlyList<TurnRecord> history)
    {
        this.history = history;
        turnsSeen = history.Count;
        foreach (var party in parties)
        {
            values[party] = [];
        }
    }

    /// <summary>The round's offers so far that <paramref name="party"/> has not valued, in order.</summary>
    public IReadOnlyList<Outcome> UnvaluedBy(string party)
    {
        CatchUp();
        return [.. Unvalued(party).Select(i => offers[i])];
    }

    /// <summary>
    /// <paramref name="party"/> answered its turn: its values of <paramref name="asked"/> (what
    /// <see cref="UnvaluedBy"/> gave it), then, if it offered, of its own offer, which the protocol
    /// records once it applies the move (<see cref="CatchUp"/>).
    /// </summary>
    public void Answered(string party, IReadOnlyList<Outcome> asked, TurnReply reply)
    {
        var unvalued = Unvalued(party).ToList();
        for (var i = 0; i < asked.Count; i++)
        {
            values[party][unvalued[i]] = reply.Utilities[i];
        }

        pending = reply.Move is Offer offer && reply.Utilities.Count > asked.Count
            ? (party, offer.Outcome, reply.Utilities[asked.Count])
            : null;
    }

    /// <summary>Each party's values of every offer of the round, once <paramref name="ask"/> has supplied those no turn gave.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyList<double>>> CompleteAsync(Func<string, IReadOnlyList<Outcome>, Task<IReadOnlyList<double>>> ask)
    {
        CatchUp();
        var missing = values.Keys.Where(p => Unvalued(p).Any()).ToList();
        var answers = await Task.WhenAll(missing.Select(p => ask(p, [.. Unvalued(p).Select(i => offers[i])])));
        for (var m = 0; m < missing.Count; m++)
        {
            var unvalued = Unvalued(missing[m]).ToList();
            for (var i = 0; i < unvalued.Count; i++)
            {
                values[missing[m]][unvalued[i]] = answers[m][i];
            }
        }

        return values.ToDictionary(v => v.Key, v => (IReadOnlyList<double>)[.. v.Value.Select(u => u!.Value)], StringComparer.Ordinal);
    }

    /// <summary>Takes the turns the protocol recorded since last seen: their offers join the round's, valued by whoever made them if its answer said so.</summary>
    private void CatchUp()
    {
        for (; turnsSeen < history.Count; turnsSeen++)
        {
            var turn = history[turnsSeen];
            if (turn.Offer is not { } offered)
            {
                continue;
            }

            offers.Add(offered);
            foreach (var list in values.Values)
            {
                list.Add(null);
            }

            if (pending is { } own && own.Party == turn.Party && turn.Action == MoveKind.Offer && own.Offer == offered)
            {
                values[own.Party][^1] = own.Utility;
            }
        }

        pending = null;
    }

    private IEnumerable<int> Unvalued(string party) =>
        Enumerable.Range(0, offers.Count).Where(i => values[party][i] is null);
}
