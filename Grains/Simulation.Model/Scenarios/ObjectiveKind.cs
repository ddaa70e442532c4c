namespace Simulation.Model.Scenarios;

/// <summary>What a government maximises (DESIGN §3.3).</summary>
public enum ObjectiveKind
{
    /// <summary>Krugman's "GATT-think": exports are gains, imports are concessions.</summary>
    Mercantilist,
}
