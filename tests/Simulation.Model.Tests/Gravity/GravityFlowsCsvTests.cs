using Simulation.Model.Gravity;
using Simulation.Model.Input;

namespace Simulation.Model.Tests.Gravity;

public sealed class GravityFlowsCsvTests
{
    private const string File = "flows.csv";

    private static IReadOnlyList<GravityFlow> Parse(string text) => GravityFlowsCsv.Parse(new StringReader(text), File);

    private static IReadOnlyList<InputError> Errors(string text)
    {
        var act = () => Parse(text);
        return act.Should().Throw<InvalidInputException>().Which.Errors;
    }

    [Fact]
    public void Reads_columns_in_any_order_and_case_ignoring_extra_columns()
    {
        var flows = Parse("""
            note, Beta ,TRADE,importer,exporter
            x,0,10.5,A,A
            y,0.25,2e1,B,A
            z,0.25,3,A,B
            ,0,40,B,B
            """);

        flows.Should().Equal(
            new GravityFlow("A", "A", 10.5, 0),
            new GravityFlow("A", "B", 20, 0.25),
            new GravityFlow("B", "A", 3, 0.25),
            new GravityFlow("B", "B", 40, 0));
    }

    [Fact]
    public void A_missing_column_is_named_with_the_header_line()
    {
        var errors = Errors("exporter,importer,trade_2000,beta\nA,A,1,0\n");

        errors.Should().ContainSingle();
        errors[0].Should().BeEquivalentTo(new { File, Line = (int?)1, Path = "trade" });
        errors[0].Message.Should().Contain("missing column 'trade'");
    }

    [Fact]
    public void A_bad_number_is_reported_with_its_line_and_row()
    {
        var errors = Errors("exporter,importer,trade,beta\nA,A,1,0\nA,B,abc,0\nB,A,1,0\nB,B,1,0\n");

        errors.Should().ContainSingle();
        errors[0].Should().BeEquivalentTo(new { File, Line = (int?)3, Column = (int?)3, Path = "row 2.trade" });
        errors[0].Message.Should().Contain("not a number").And.Contain("'abc'");
        errors[0].ToString().Should().StartWith("flows.csv:3:3: row 2.trade: ");
    }

    [Fact]
    public void A_missing_pair_is_named()
    {
        var errors = Errors("exporter,importer,trade,beta\nA,A,1,0\nA,B,1,0\nB,B,1,0\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File, Line = (int?)null, Path = "B→A" });
        errors[0].Message.Should().Contain("missing flow");
    }

    [Fact]
    public void A_missing_domestic_flow_is_named_as_such()
    {
        var errors = Errors("exporter,importer,trade,beta\nA,A,1,0\nA,B,1,0\nB,A,1,0\n");

        errors.Should().ContainSingle().Which.Message.Should().Contain("missing domestic flow");
        errors[0].Path.Should().Be("B→B");
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var errors = Errors("""
            exporter,importer,trade,beta
            A,A,1,0
            A,B,-2,0
            B,A,NaN,0
            B,B,0,0.1
            A,B,1,0
            ,B,1,0
            """);

        errors.Select(e => (e.Line, e.Path)).Should().BeEquivalentTo(new (int?, string)[]
        {
            (3, "row 2.trade"),      // negative
            (4, "row 3.trade"),      // NaN
            (5, "row 4.trade"),      // domestic flow must be > 0
            (5, "row 4.beta"),       // β on a domestic pair
            (6, "row 5"),            // duplicate A→B
            (7, "row 6.exporter"),   // empty id
        });
        errors.Single(e => e.Path == "row 2.trade").Message.Should().Contain("negative");
        errors.Single(e => e.Path == "row 3.trade").Message.Should().Contain("finite");
        errors.Single(e => e.Path == "row 5").Message.Should().Contain("duplicate pair A→B").And.Contain("line 3");
    }

    [Fact]
    public void A_short_row_reports_its_missing_fields()
    {
        var errors = Errors("exporter,importer,trade,beta\nA,A,1\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = (int?)2, Path = "row 1.beta" });
        errors[0].Message.Should().Contain("missing field");
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    public void An_empty_file_is_an_error(string text)
    {
        Errors(text).Should().ContainSingle().Which.Message.Should().StartWith("empty file");
    }

    [Fact]
    public void A_header_without_rows_is_an_error()
    {
        Errors("exporter,importer,trade,beta\n").Should().ContainSingle().Which.Message.Should().StartWith("no flows");
    }

    [Fact]
    public void Malformed_quoting_is_reported_with_its_line()
    {
        var errors = Errors("exporter,importer,trade,beta\nA,A,1,0\n\"A,B,1,0\nB,A,1,0\nB,B,1,0\n");

        errors.Should().Contain(e => e.Line == 3 && e.Message.StartsWith("malformed quoting"));
    }

    [Fact]
    public void Input_beyond_the_size_cap_is_refused()
    {
        var text = "exporter,importer,trade,beta\n" + string.Concat(Enumerable.Repeat("A,A,1,0\n", 1000));

        var act = () => GravityFlowsCsv.Parse(new StringReader(text), File, maxChars: 1000);

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("too large");
    }

    [Fact]
    public void Load_reports_a_missing_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"no-such-flows-{Guid.NewGuid():N}.csv");

        var act = () => GravityFlowsCsv.Load(path);

        act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle()
            .Which.Should().BeEquivalentTo(new { File = path, Message = "file not found" });
    }

    [Fact]
    public void Load_reads_a_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flows-{Guid.NewGuid():N}.csv");
        System.IO.File.WriteAllText(path, "exporter,importer,trade,beta\nA,A,1,0\nA,B,2,0\nB,A,3,0\nB,B,4,0\n");
        try
        {
            GravityFlowsCsv.Load(path).Should().HaveCount(4);
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    /// <summary>
    /// The shared reference file names its columns trade_2000 and beta_eu_effect, so it does not load as is; renamed,
    /// it reads (extra expected_* columns ignored) to the same 1,936 flows the reference tests use.
    /// </summary>
    [Fact]
    public void The_shared_reference_file_reads_once_its_columns_are_renamed()
    {
        var reference = ReferenceData.Instance;
        var asIs = () => GravityFlowsCsv.Parse(new StringReader(reference.Text), reference.Path);
        asIs.Should().Throw<InvalidInputException>().Which.Errors.Select(e => e.Path).Should().BeEquivalentTo("trade", "beta");

        var newline = reference.Text.IndexOf('\n');
        var header = reference.Text[..newline].Replace("trade_2000", "trade").Replace("beta_eu_effect", "beta");
        var flows = GravityFlowsCsv.Parse(new StringReader(header + reference.Text[newline..]), reference.Path);

        flows.Should().Equal(reference.Flows);
    }
}
