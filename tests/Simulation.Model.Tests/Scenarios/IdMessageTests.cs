using Simulation.Model.Input;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// A refused id says what is wrong with it (the 64-character limit, a character outside ASCII), and
/// text from the file echoed in a message never carries a control character: a line break in an id
/// would otherwise split the one-line error in two, and an escape would reach the terminal.
/// </summary>
public sealed class IdMessageTests
{
    [Fact]
    public void A_country_id_of_65_letters_is_refused_naming_the_limit()
    {
        var id = new string('A', 65);
        var error = SingleErrorOf(WithLine(8, $"  ROW: {{ negotiates: false }}\n  {id}: {{}}"));

        // The id is shown cut to 61 characters and "...", as every echoed text is (and quoted in the path, for its dots).
        error.Should().Be(new InputError(FileName, 9, 3, $"countries[\"{new string('A', 61)}...\"]",
            $"country id '{new string('A', 61)}...' is not allowed: it is 65 characters long, above the limit of 64; use 1 to 64 ASCII letters and digits, like CAN or ROW"));
    }

    [Fact]
    public void A_country_id_of_64_letters_is_accepted()
    {
        var id = new string('A', 64);

        var scenario = Simulation.Model.Scenarios.ScenarioLoader.Parse(WithLine(8, $"  ROW: {{ negotiates: false }}\n  {id}: {{ negotiates: false }}"), FileName);

        scenario.Countries.Should().Contain(c => c.Id == id);
    }

    [Fact]
    public void A_sector_name_with_an_accent_is_refused_naming_the_character_and_ascii()
    {
        var error = SingleErrorOf(WithLine(4, "  footwear: { demand_elasticity: 1.5, substitution_elasticity: 4 }\n  café: { demand_elasticity: 1, substitution_elasticity: 2 }"));

        error.Message.Should().Be(
            "sector name 'café' is not allowed: it holds 'é' (U+00E9), which is not an ASCII character; use 1 to 64 ASCII letters, digits, '_', '-' and '.', starting with a letter, digit or '_'");
    }

    [Fact]
    public void A_negotiation_id_too_long_and_not_ascii_is_refused_naming_both()
    {
        var id = "Ω" + new string('x', 64);
        var error = SingleErrorOf(WithLine(13, $"  - id: {id}"));

        (error.Line, error.Path).Should().Be((13, "negotiations[0].id"));
        error.Message.Should().EndWith(
            "is not allowed: it is 65 characters long, above the limit of 64 and it holds 'Ω' (U+03A9), which is not an ASCII character; " +
            "use 1 to 64 ASCII letters, digits, '_', '-' and '.', starting with a letter, digit or '_'");
    }

    [Fact]
    public void A_name_starting_with_a_dot_is_refused_naming_the_start()
    {
        var error = SingleErrorOf(WithLine(13, "  - id: .hidden"));

        error.Message.Should().Be(
            "negotiation id '.hidden' is not allowed: it starts with '.'; use 1 to 64 ASCII letters, digits, '_', '-' and '.', starting with a letter, digit or '_'");
    }

    [Fact]
    public void A_line_break_in_an_issue_id_is_spelled_out_in_the_message()
    {
        var line18 = "      - { id: \"tariff\\nquota\", values: [a, b] }";
        var errors = ErrorsOf(Base + line18 + "\n");

        var error = errors.Single(e => e.Path == "negotiations[0].issues[2].id");
        error.Message.Should().StartWith(@"issue id 'tariff\nquota' is not allowed");
        errors.Should().AllSatisfy(e => e.ToString().Should().NotContain("\n"));
    }

    [Fact]
    public void Control_characters_in_an_unknown_reference_and_in_a_key_are_spelled_out()
    {
        // A tab, a carriage return and a bell in a reference; a line break in a mapping key.
        var errors = ErrorsOf(With(
            (10, "  - { importer: \"I\\tD\\rN\\a\", exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }"),
            (6, "  CAN: { name: Canada, \"odd\\nkey\": 1 }")));

        errors.Should().Contain(e => e.Message.StartsWith(@"unknown country 'I\tD\rN\u0007'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Path.EndsWith(@"[""odd\nkey""]", StringComparison.Ordinal));
        errors.Should().AllSatisfy(e => e.ToString().Should().NotContainAny("\n", "\r", "\t", "\a"));
    }

    [Fact]
    public void The_line_and_paragraph_separators_are_spelled_out_in_a_reference_a_key_and_an_id()
    {
        // U+2028 and U+2029 are not controls (Unicode Zl, Zp) but break the line in many viewers.
        var errors = ErrorsOf(With(
            (10, "  - { importer: \"I\\LDN\", exporter: CAN, sector: canola_oil, value: 60, tariff: 5 }"),
            (6, "  CAN: { name: Canada, \"odd\\Pkey\": 1 }"),
            (13, "  - id: \"CAN\\LIDN\"")));

        errors.Should().Contain(e => e.Message.StartsWith(@"unknown country 'I\u2028DN'", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Path.EndsWith(@"[""odd\u2029key""]", StringComparison.Ordinal));
        errors.Should().Contain(e => e.Message.StartsWith(@"negotiation id 'CAN\u2028IDN' is not allowed", StringComparison.Ordinal));
        errors.Should().AllSatisfy(e => e.ToString().Should().NotContainAny("\u2028", "\u2029"));
    }

    [Fact]
    public void A_typed_backslash_in_a_key_reads_differently_from_a_line_break()
    {
        // In the path a key's own backslash is doubled, a line break is spelled \n: as in JSON.
        var errors = ErrorsOf(With((6, "  CAN: { name: Canada, 'odd\\nkey': 1, \"odd\\nkey\": 2 }")));

        errors.Select(e => e.Path).Should().Equal(@"countries.CAN[""odd\\nkey""]", @"countries.CAN[""odd\nkey""]");
    }
}
