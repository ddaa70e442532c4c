namespace Simulation.Model.Scenarios;

/// <summary>What a government maximises (DESIGN §3.3).</summary>
public enum ObjectiveKind
{
    /// <summary>Krugman's "GATT-think": exports are gains, imports are concessions.</summary>
    Mercantilist,

    /// <summary>National welfare: consumer surplus, tariff revenue and producer surplus.</summary>
    Welfare,

    /// <summary>Grossman &amp; Helpman (1995): welfare with extra weight on organised producers.</summary>
    Political,
}
