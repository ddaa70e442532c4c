namespace Simulation.Model.Scenarios;

/// <summary>
/// A discrete issue's id or value as it is printed in a line of outcome text (the trace and frontier
/// CSVs' offer text, the dashboard, the log). A label may hold any text but control characters
/// (<see cref="ScenarioIds.IsLabel"/>: GENIUS's names are kept as they are), so one that could be
/// misread — empty, with a blank at either end, or holding '=', ';', ':' or '"' — is written in
/// double quotes with each double quote doubled, as a CSV field is quoted (RFC 4180 §2); any other
/// is written as it is. Tariff-line ids never need this: they hold none of those characters.
/// </summary>
public static class LabelText
{
    public static string Of(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        var bare = label.Length > 0
            && !char.IsWhiteSpace(label[0]) && !char.IsWhiteSpace(label[^1])
            && label.AsSpan().IndexOfAny("=;:\"") < 0;
        return bare ? label : "\"" + label.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
