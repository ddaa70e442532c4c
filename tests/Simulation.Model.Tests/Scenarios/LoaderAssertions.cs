using Simulation.Model.Input;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>Shared helpers: load text expecting failure, and pick out errors.</summary>
internal static class LoaderAssertions
{
    public const string FileName = "test.yaml";

    /// <summary>Parses <paramref name="text"/>, which must fail, and returns all its errors.</summary>
    public static IReadOnlyList<InputError> ErrorsOf(string text)
    {
        var act = () => ScenarioLoader.Parse(text, FileName);
        return act.Should().Throw<InvalidInputException>().Which.Errors;
    }

    /// <summary>Parses <paramref name="text"/>, which must fail with exactly one error, and returns it.</summary>
    public static InputError SingleErrorOf(string text)
    {
        var errors = ErrorsOf(text);
        errors.Should().ContainSingle(because: "the file has one mistake, but got: {0}", string.Join(" | ", errors));
        return errors[0];
    }
}
