namespace Simulation.Model.Negotiation;

/// <summary>
/// The round loop, written once for every protocol and every host (DESIGN §2 "Seams", §5.1): the
/// negotiation grain asks country grains, tests and in-process runs ask negotiators directly, and
/// all go through here, so they play by the same rules. Awaits keep their context on purpose (no
/// <c>ConfigureAwait(false)</c>): in a grain the protocol must be touched on the grain's own scheduler.
/// </summary>
public static class NegotiationRounds
{
    /// <summary>
    /// Plays the protocol's current round: asks whoever's turn it is for a move and applies it, until
    /// the round changes or the negotiation ends. Does nothing if it has already ended.
    /// </summary>
    /// <param name="askParty">Asks a party for its move, given what it knows.</param>
    public static async ValueTask PlayRoundAsync(INegotiationProtocol protocol, Func<string, TurnContext, ValueTask<NegotiationAction>> askParty)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        ArgumentNullException.ThrowIfNull(askParty);
        var playing = protocol.Round;
        while (protocol.IsActive && protocol.Round == playing)
        {
            var party = protocol.NextParty;
            var action = await askParty(party, protocol.ContextFor(party));
            protocol.Apply(party, action);
        }
    }

    /// <summary>Plays round after round until the negotiation ends.</summary>
    public static async ValueTask PlayToEndAsync(INegotiationProtocol protocol, Func<string, TurnContext, ValueTask<NegotiationAction>> askParty)
    {
        ArgumentNullException.ThrowIfNull(protocol);
        while (protocol.IsActive)
        {
            await PlayRoundAsync(protocol, askParty);
        }
    }

    /// <summary>
    /// Plays to the end with in-process negotiators, each asked through
    /// <see cref="INegotiator.Decide"/> with the generator <paramref name="randomFor"/> gives for
    /// (party, context).
    /// </summary>
    public static ValueTask PlayToEndAsync(INegotiationProtocol protocol, IEnumerable<INegotiator> negotiators, Func<string, TurnContext, Random> randomFor)
    {
        ArgumentNullException.ThrowIfNull(negotiators);
        ArgumentNullException.ThrowIfNull(randomFor);
        var byParty = negotiators.ToDictionary(n => n.Party, StringComparer.Ordinal);
        return PlayToEndAsync(protocol, (party, turn) => ValueTask.FromResult(byParty[party].Decide(turn, randomFor(party, turn))));
    }
}
