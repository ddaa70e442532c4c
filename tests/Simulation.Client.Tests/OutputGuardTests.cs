using System.Text.Json;
using Simulation.Client.Output;
using Simulation.Model.Reporting;
using Simulation.Model.Numerics;

namespace Simulation.Client.Tests;

/// <summary>
/// The last guard before anything is printed or written: a number that is not finite fails the
/// command with a clear message, in tables and in JSON alike, instead of printing "NaN" or dying on
/// the serializer's advice to allow named floating-point literals.
/// </summary>
public sealed class OutputGuardTests
{
    private sealed record Row(string Id, double Value, IReadOnlyDictionary<string, double> ByPartner);

    [Theory]
    [InlineData(double.NaN, "not a number")]
    [InlineData(double.PositiveInfinity, "infinite")]
    [InlineData(double.NegativeInfinity, "minus infinite")]
    public void Json_refuses_a_number_that_is_not_finite_with_a_clear_message(double value, string shown)
    {
        var inField = () => JsonOutput.Serialize(new Row("CAN", value, new Dictionary<string, double>()));
        var inDictionary = () => JsonOutput.Serialize(new Row("CAN", 1, new Dictionary<string, double> { ["USA"] = value }));

        foreach (var act in new[] { inField, inDictionary })
        {
            act.Should().Throw<JsonException>().WithMessage($"a result is not a finite number (it is {shown}) and JSON cannot hold it; nothing was written.*");
        }
    }

    [Fact]
    public void Json_writes_finite_numbers_exactly_as_the_serializer_does()
    {
        // Outcomes must stay byte-identical: the guard only adds the refusal.
        double[] values = [0, -0.0, 0.1, 1.0 / 3, 1e-300, 5e-324, 1e300, double.MaxValue, -2.5, 123456789.125];
        var plain = new JsonSerializerOptions(RunOutcomeJson.Options);
        plain.Converters.Clear();

        foreach (var value in values)
        {
            JsonSerializer.Serialize(value, RunOutcomeJson.Options).Should().Be(JsonSerializer.Serialize(value, plain));
        }
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void Tables_refuse_a_number_that_is_not_finite(double value)
    {
        var act = () => Numbers.Format(value, Numbers.Money);

        act.Should().Throw<NonFiniteResultException>().WithMessage("a result is not a finite number (it is *); nothing was printed.*");
    }

    [Fact]
    public void Tables_still_print_finite_numbers_rounded()
    {
        Numbers.Format(-0.001, Numbers.Money).Should().Be("0.00");
        Numbers.Format(1234.567, Numbers.Money).Should().Be("1,234.57");
    }
}
