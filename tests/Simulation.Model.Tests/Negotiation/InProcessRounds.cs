using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// Plays negotiations in tests through the model's one round loop (<see cref="NegotiationRounds"/>)
/// with in-process negotiators, which answer synchronously, so no test needs its own loop.
/// </summary>
internal static class InProcessRounds
{
    public static T PlayToEnd<T>(T protocol, IEnumerable<INegotiator> negotiators, Func<string, TurnContext, Random> randomFor)
        where T : INegotiationProtocol
    {
        var play = NegotiationRounds.PlayToEndAsync(protocol, negotiators, randomFor);
        if (!play.IsCompleted)
        {
            throw new InvalidOperationException("In-process negotiators answer at once; the round loop should not have waited.");
        }

        play.GetAwaiter().GetResult();
        return protocol;
    }
}
