namespace Simulation.Model.Gravity;

/// <summary>
/// Where a flow came from, for error messages: its line (when read from a file), a path such as
/// <c>row 12</c> or <c>flows[11]</c>, and the columns of its trade and β fields when known.
/// </summary>
internal sealed record FlowLocation(int? Line, string Path, int? TradeColumn = null, int? BetaColumn = null);
