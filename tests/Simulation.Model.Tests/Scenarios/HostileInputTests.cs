using System.Text;
using CsCheck;
using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>
/// Files that are broken at the YAML level or built to hurt: each must end in an
/// <see cref="InvalidInputException"/> with a position, quickly, and never in another exception.
/// </summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Yaml_syntax_error_becomes_an_error_at_its_line_and_column()
    {
        var error = SingleErrorOf("name: x\nseed: 1\ndescription: 'oops\n");

        // The unterminated quote opens at line 3, column 14.
        error.Line.Should().Be(3);
        error.Column.Should().Be(14);
        error.Message.Should().StartWith("YAML syntax error: ").And.Contain("quoted scalar");
    }

    [Fact]
    public void Bad_indentation_becomes_an_error_not_an_exception()
    {
        var error = SingleErrorOf("name: x\nsectors:\n  a: 1\n b: 2\n");

        error.Line.Should().Be(4);
        error.Message.Should().StartWith("YAML syntax error: ");
    }

    [Fact]
    public void Windows_line_endings_and_a_byte_order_mark_keep_line_numbers_right()
    {
        SingleErrorOf("\uFEFFname: x\r\nseed: 1\r\nrouns: 5\r\n").Should().BeEquivalentTo(new { Line = 3, Column = 1, Path = "rouns" });
    }

    [Fact]
    public void Python_object_tag_is_refused()
    {
        var errors = ErrorsOf("name: x\ndescription: !!python/object/apply:os.system [\"echo pwned\"]\n");

        errors.Should().ContainEquivalentOf(new
        {
            Line = 2, Column = 14, Path = "description",
            Message = "YAML tags are not allowed (found '!!python/object/apply:os.system'); remove it",
        });
    }

    [Theory]
    [InlineData("name: !foo x\n", "!foo")]
    [InlineData("name: !!str x\n", "!!str")]
    [InlineData("name: ! x\n", "!")]
    public void Any_explicit_tag_is_refused(string text, string tag)
    {
        SingleErrorOf(text).Should().Be(new InputError(FileName, 1, 7, "name", $"YAML tags are not allowed (found '{tag}'); remove it"));
    }

    [Fact]
    public void Alias_bomb_is_refused_at_the_first_alias_past_the_limit()
    {
        // "Billion laughs": expanded, the last line alone would be 9^9 nodes.
        var text = new StringBuilder("name: lol\n");
        text.Append("a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var c = 'b'; c <= 'i'; c++)
        {
            var previous = (char)(c - 1);
            text.Append($"{c}: &{c} [{string.Join(", ", Enumerable.Repeat($"*{previous}", 9))}]\n");
        }

        var error = SingleErrorOf(text.ToString());

        // Expansion stops where the budget runs out, which is what keeps the work bounded: line 3 expands *a nine times (90 nodes); the first *b on line 4 (91 more) passes 100.
        error.Line.Should().Be(4);
        error.Column.Should().Be(8);
        error.Message.Should().Be("aliases expand to more than 100 nodes in total; write the values out instead");
    }

    [Fact]
    public void A_few_small_aliases_are_fine()
    {
        var scenario = ScenarioLoader.Parse("""
            name: x
            countries:
              CAN: { strategy: &shared { type: time-dependent, e: 0.5 } }
              IDN: { strategy: *shared }
            """, FileName);

        scenario.Country("IDN").Strategy.Should().Be(StrategySpec.TimeDependent(0.5));
    }

    [Fact]
    public void Alias_to_an_undefined_anchor_is_refused()
    {
        SingleErrorOf("name: x\ndescription: *nope\n").Should().Be(
            new InputError(FileName, 2, 14, "description", "alias '*nope' refers to no anchor defined before it"));
    }

    [Fact]
    public void Nesting_up_to_the_limit_is_read_and_one_level_more_is_refused()
    {
        // The document is level 1 and the value of description level 2, so 63 brackets reach 64.
        var atLimit = ErrorsOf($"name: x\ndescription: {new string('[', 63)}{new string(']', 63)}\n");
        atLimit.Should().ContainSingle().Which.Message.Should().Be("expected text, got a list");

        var error = SingleErrorOf($"name: x\ndescription: {new string('[', 64)}{new string(']', 64)}\n");
        error.Should().Be(new InputError(FileName, 2, 13 + 64, "description" + string.Concat(Enumerable.Repeat("[0]", 63)),
            "nesting is deeper than 64 levels"));
    }

    [Fact]
    public void Very_deep_nesting_is_refused_at_the_first_level_too_deep_without_exhausting_the_stack()
    {
        var error = SingleErrorOf("name: x\ndescription: " + new string('[', 1_000_000));

        // Reading stops at the 65th bracket, not after a million of them.
        error.Message.Should().Be("nesting is deeper than 64 levels");
        (error.Line, error.Column).Should().Be((2, 13 + 64));
    }

    [Fact]
    public void Oversize_text_is_refused_before_parsing()
    {
        var error = SingleErrorOf("name: x\n" + new string('#', ScenarioLimits.MaxFileBytes));

        error.Line.Should().BeNull();
        error.Message.Should().Be("the scenario is larger than 4194304 bytes, the most accepted");
    }

    [Fact]
    public void Oversize_file_is_refused_by_its_length()
    {
        var path = Path.Combine(Path.GetTempPath(), $"tradesim-big-{Guid.NewGuid():N}.yaml");
        try
        {
            using (var stream = File.Create(path))
            {
                stream.SetLength(ScenarioLimits.MaxFileBytes + 1L);
            }

            var act = () => ScenarioLoader.LoadFile(path);

            act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Which
                .Should().Be(new InputError(path, null, null, "", "the file is 4194305 bytes; at most 4194304 are accepted"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Duplicate_key_is_refused_at_the_second_occurrence()
    {
        SingleErrorOf("name: a\nseed: 1\nname: b\n").Should().Be(
            new InputError(FileName, 3, 1, "name", "duplicate key 'name' (first at line 1, column 1)"));
    }

    [Fact]
    public void Duplicate_key_in_a_nested_mapping_has_its_path()
    {
        SingleErrorOf("name: a\ncountries:\n  CAN: { name: Canada, name: Kanada }\n").Should().Be(
            new InputError(FileName, 3, 24, "countries.CAN.name", "duplicate key 'name' (first at line 3, column 10)"));
    }

    [Fact]
    public void Non_scalar_key_is_refused()
    {
        SingleErrorOf("name: x\n? [a, b]\n: 1\n").Should().Be(
            new InputError(FileName, 2, 3, "", "mapping keys must be text (scalars), not a list"));
    }

    [Fact]
    public void Second_document_is_refused()
    {
        SingleErrorOf("name: x\n---\nname: y\n").Should().Be(
            new InputError(FileName, 2, 1, "", "a second YAML document starts here; a scenario file holds exactly one document"));
    }

    [Fact]
    public void Empty_file_is_an_error()
    {
        SingleErrorOf("# nothing here\n").Message.Should().Be("the file is empty (expected a mapping with at least 'name')");
    }

    [Fact]
    public void Top_level_must_be_a_mapping()
    {
        SingleErrorOf("- name: x\n").Should().Be(
            new InputError(FileName, 1, 1, "", "the top level of a scenario must be a mapping, got a list"));
    }

    [Fact]
    public void The_error_list_stops_after_the_limit()
    {
        var text = "name: x\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"k{i}: 1\n"));

        var errors = ErrorsOf(text);

        errors.Should().HaveCount(ScenarioLimits.MaxErrors + 1);
        errors[^1].Message.Should().Be("too many errors; stopped listing after 200");
    }

    [Fact]
    public void A_closing_event_where_a_value_belongs_is_a_syntax_error()
    {
        // Found by the random-text property below: YamlDotNet yields MappingEnd where a mapping
        // value was expected, which once crashed the reader with an InvalidCastException.
        var act = () => ScenarioLoader.Parse("- : a0\t1#-}aa`:e>@1*&\t\t!}0.{%|%\t&,%}&e.@}#\".:]`-.a\ta\"", FileName);

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().NotBeEmpty();
    }

    [Fact]
    public void An_end_event_where_a_node_belongs_is_a_syntax_error()
    {
        // Found by the random-text property (CsCheck seed edb-RhWSM4k2): YamlDotNet reports a
        // MappingEnd where the reader expects a node.
        var error = SingleErrorOf(" :\t :&");

        error.Message.Should().StartWith("YAML syntax error");
    }

    [Fact]
    public void Random_text_never_throws_anything_but_invalid_input()
    {
        Gen.String[Gen.Char["{}[]:,-&*!|>'\"#%@`?~ \n\tab01.e"], 0, 80]
            .SampleCases(ParseOrInvalid, seed: "7IexTUt0UYCn5", cases: 3000);
    }

    [Fact]
    public void Mutated_valid_scenarios_never_throw_anything_but_invalid_input()
    {
        var text = ValidScenarioTests.Full;
        Gen.Select(Gen.Int[0, text.Length - 1], Gen.Int[0, 2], Gen.Char["{}[]:,-&*!|>'\"#\n 9"])
            .SampleCases((at, kind, c) => ParseOrInvalid(kind switch
            {
                0 => text.Remove(at, 1),
                1 => text.Insert(at, c.ToString()),
                _ => text[..at] + c + text[(at + 1)..],
            }), seed: "7QQEXlGb0Q977", cases: 1000);
    }

    private static void ParseOrInvalid(string text)
    {
        try
        {
            ScenarioLoader.Parse(text, FileName);
        }
        catch (InvalidInputException e)
        {
            e.Errors.Should().NotBeEmpty();
        }
    }
}
