namespace Simulation.Model.Negotiation;

/// <summary>Status names as the outcome JSON writes them (DESIGN §6.2), and as the log and the dashboard show them.</summary>
public static class NegotiationStatusNames
{
    public static string Name(NegotiationStatus status) => status switch
    {
        NegotiationStatus.Active => "active",
        NegotiationStatus.Agreed => "agreed",
        NegotiationStatus.Deadline => "deadline",
        NegotiationStatus.WalkedAway => "walked_away",
        NegotiationStatus.Terminated => "terminated",
        NegotiationStatus.NotStarted => "not_started",
        NegotiationStatus.Rejected => "rejected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };
}
