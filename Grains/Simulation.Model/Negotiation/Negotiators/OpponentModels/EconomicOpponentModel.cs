namespace Simulation.Model.Negotiation;

/// <summary>
/// The default model (DESIGN §4.4): each other party's gains under the public market model and its
/// declared objective, with its lobby weights unknown (λ = 0), since who is organised and how much
/// they weigh with a government is not public. Repriced with the world; learns nothing from moves.
/// </summary>
public sealed class EconomicOpponentModel : IOpponentModel
{
    public const string Name = "economic";

    public static ComponentEntry<IOpponentModel> Entry { get; } =
        new(Name, "the others' gains under the public economic model, lobby weights unknown (λ = 0)", [], _ => new EconomicOpponentModel());

    public IReadOnlyList<AdditiveValueFunction> Estimates { get; private set; } = [];

    public void Reprice(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        Estimates = [.. view.Opponents.Select(o => o.PublicValues)];
    }

    public bool Observe(IReadOnlyList<TurnRecord> moves) => false;
}
