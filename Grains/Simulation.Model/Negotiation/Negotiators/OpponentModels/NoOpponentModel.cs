namespace Simulation.Model.Negotiation;

/// <summary>
/// No model: the others are taken to value each outcome as −V_self. Bidding the best worst-off
/// under it picks, among outcomes worth at least τ, the one worth least to oneself: the outcome
/// just above the target, as a negotiator without any idea of the others' interests would.
/// (Every outcome is on the frontier of (V, −V), so on a large space the bid is within the
/// frontier's ε of the closest one.)
/// </summary>
public sealed class NoOpponentModel : IOpponentModel
{
    public const string Name = "none";

    public static ComponentEntry<IOpponentModel> Entry { get; } =
        new(Name, "no model: bid the outcome closest to the target from above", [], _ => new NoOpponentModel());

    public IReadOnlyList<AdditiveValueFunction> Estimates { get; private set; } = [];

    public void Reprice(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        var own = view.Self.Values;
        var negated = new AdditiveValueFunction(view.Space, [.. own.GroupValues.Select(t => t.Select(v => -v).ToArray())]);
        Estimates = [.. view.Opponents.Select(_ => negated)];
    }

    public bool Observe(IReadOnlyList<TurnRecord> moves) => false;
}
