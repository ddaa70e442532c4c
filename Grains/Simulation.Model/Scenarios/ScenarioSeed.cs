namespace Simulation.Model.Scenarios;

/// <summary>
/// A scenario's or an experiment's <c>seed:</c>, read by one rule wherever it is read (<c>run</c>,
/// <c>batch</c>, experiment files): an integer from -2^63 to 2^63 − 1, written in digits or as an
/// integral decimal (<c>7</c>, <c>7.0</c>, <c>7e0</c> are the same seed; <see cref="ScalarReader.Integer"/>).
/// </summary>
internal static class ScenarioSeed
{
    public const string Key = "seed";

    /// <summary>The seed at <paramref name="field"/>, or null with the reason in <paramref name="errors"/>.</summary>
    public static long? Read(YamlField field, InputErrorList errors) => ScalarReader.Integer(field, errors);

    /// <summary>
    /// The seed a scenario document gives, as the loader reads it: 0 when it gives none, or one the
    /// loader refuses (it reports that one itself when the scenario is loaded).
    /// </summary>
    public static long Of(YamlNode root) =>
        root is YamlMapping top && top.Find(Key) is { } entry && Read(new YamlField(entry.Value, Key), new InputErrorList("")) is { } seed ? seed : 0;
}
