namespace Simulation.Model.Scenarios.Events;

/// <summary>
/// <c>type: set-weights</c>: <paramref name="Country"/>'s lobby weights by sector and/or partner
/// weights (DESIGN §3.3) are replaced; a null map leaves that set of weights as it was.
/// </summary>
public sealed record SetWeightsEvent(EventTrigger When, string Country, IdMap<double>? LobbyWeights, IdMap<double>? PartnerWeights) : ScenarioEvent(When)
{
    public const string TypeName = "set-weights";

    public override string Type => TypeName;
}
