namespace Simulation.Model.Gravity;

/// <summary>
/// A flow of the matrix before and after the counterfactual, in the unit of the input. Values after are
/// nominal, in the numeraire that keeps world output unchanged (see <see cref="GeneralEquilibriumGravity"/>).
/// </summary>
public sealed record FlowChange(string Exporter, string Importer, double Before, double After);
