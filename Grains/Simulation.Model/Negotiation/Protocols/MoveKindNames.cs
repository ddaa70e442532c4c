namespace Simulation.Model.Negotiation;

/// <summary>
/// Move names as traces and the outcome JSON write them (DESIGN §6.2, §6.4), and back: for texts and
/// for messages that carry a move by name. The JSON form comes from <see cref="MoveKind"/>'s own member names.
/// </summary>
public static class MoveKindNames
{
    public static string Name(MoveKind kind) => kind switch
    {
        MoveKind.Offer => "offer",
        MoveKind.Accept => "accept",
        MoveKind.Reject => "reject",
        MoveKind.Vote => "vote",
        MoveKind.Veto => "veto",
        MoveKind.WalkAway => "walk_away",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <exception cref="InvalidOperationException">A name that is no move's.</exception>
    public static MoveKind Of(string name) =>
        Enum.GetValues<MoveKind>().Where(k => Name(k) == name).ToList() is [var only]
            ? only
            : throw new InvalidOperationException($"Unknown move {name}.");
}
