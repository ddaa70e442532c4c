namespace Simulation.Model.Inference;

/// <summary>What an issue of a negotiation's table sets (DESIGN §4.1): a tariff, a tariff-rate quota's volume, or a named value.</summary>
public enum IssueKind
{
    Tariff,
    Quota,
    Discrete,
}
