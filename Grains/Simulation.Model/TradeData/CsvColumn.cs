namespace Simulation.Model.TradeData;

/// <summary>
/// A column an import file is read for: its name, the header names it is found under (matched
/// ignoring case, the first present wins), and whether a file without it is refused.
/// </summary>
public sealed record CsvColumn(string Name, IReadOnlyList<string> HeaderNames, bool Required = true);
