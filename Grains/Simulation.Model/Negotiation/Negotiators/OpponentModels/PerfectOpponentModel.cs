namespace Simulation.Model.Negotiation;

/// <summary>Complete information: each other party's true value function (its objective with its lobby weights). Repriced with the world.</summary>
public sealed class PerfectOpponentModel : IOpponentModel
{
    public const string Name = "perfect";

    public static ComponentEntry<IOpponentModel> Entry { get; } =
        new(Name, "the others' true values (complete information)", [], _ => new PerfectOpponentModel());

    public IReadOnlyList<AdditiveValueFunction> Estimates { get; private set; } = [];

    public void Reprice(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        Estimates = [.. view.Opponents.Select(o => o.Preferences.Values)];
    }

    public bool Observe(IReadOnlyList<TurnRecord> moves) => false;
}
