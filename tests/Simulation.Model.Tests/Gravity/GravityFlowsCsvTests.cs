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

    [Fact]
    public void A_row_with_more_fields_than_the_header_is_refused_with_its_line()
    {
        // The reproducer: "-1.2004" typed as "-1,2004" splits β into two fields.
        var errors = Errors("exporter,importer,trade,beta\nCAN,CAN,1500,0\nCAN,USA,400,-1,2004\nUSA,CAN,350,0\nUSA,USA,15000,0\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File, Line = (int?)3, Column = (int?)5, Path = "row 2" });
        errors[0].Message.Should().Be("the row has 5 fields but the header has 4: a decimal comma, or a comma inside an unquoted field?");
    }

    [Fact]
    public void A_repeated_header_is_named_as_such()
    {
        // Two files concatenated: the second header is read as a row.
        var errors = Errors("exporter,importer,trade,beta\nA,A,1,0\nexporter,importer,trade,beta\nB,B,1,0\nA,B,1,0\nB,A,1,0\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = (int?)3, Path = "row 2" });
        errors[0].Message.Should().Be("the header appears again here (two files joined?); remove this line");
    }

    [Fact]
    public void An_empty_cell_is_reported_with_its_line_and_column()
    {
        var errors = Errors("exporter,importer,trade,beta\nA,A,1,0\nA,B,,0\nB,A,1,0\nB,B,1,0\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = (int?)3, Column = (int?)3, Path = "row 2.trade", Message = "trade is empty" });
    }

    [Fact]
    public void A_quoted_comma_stays_inside_its_field()
    {
        // "Korea, Rep." is one id; "1,000" is one field, and a thousands separator is not a number.
        var flows = Parse("exporter,importer,trade,beta\n\"Korea, Rep.\",\"Korea, Rep.\",5,0\n\"Korea, Rep.\",USA,2,0.5\nUSA,\"Korea, Rep.\",3,0\nUSA,USA,9,0\n");
        flows.Select(f => f.Exporter).Should().Equal("Korea, Rep.", "Korea, Rep.", "USA", "USA");

        var errors = Errors("exporter,importer,trade,beta\nA,A,\"1,000\",0\nA,B,1,0\nB,A,1,0\nB,B,1,0\n");
        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = (int?)2, Column = (int?)3, Path = "row 1.trade" });
        errors[0].Message.Should().Be("trade is not a number: '1,000'");
    }

    [Fact]
    public void Load_reads_a_file_with_a_byte_order_mark_and_crlf_line_ends_and_counts_its_lines()
    {
        var path = Path.Combine(Path.GetTempPath(), $"flows-bom-{Guid.NewGuid():N}.csv");
        var text = "exporter,importer,trade,beta\r\nA,A,1,0\r\nA,B,2,0.5\r\nB,A,3,0\r\nB,B,4,0\r\n";
        try
        {
            System.IO.File.WriteAllText(path, text, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            GravityFlowsCsv.Load(path).Should().Equal(
                new GravityFlow("A", "A", 1, 0), new GravityFlow("A", "B", 2, 0.5), new GravityFlow("B", "A", 3, 0), new GravityFlow("B", "B", 4, 0));

            System.IO.File.WriteAllText(path, text.Replace("B,A,3,0", "B,A,x,0"), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            var act = () => GravityFlowsCsv.Load(path);
            act.Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle()
                .Which.Should().BeEquivalentTo(new { File = path, Line = (int?)4, Column = (int?)3, Path = "row 3.trade" });
        }
        finally
        {
            System.IO.File.Delete(path);
        }
    }

    [Theory]
    [InlineData("trade", "Infinity", 3, "trade must be a finite number, got 'Infinity'")]
    [InlineData("trade", "-Infinity", 3, "trade must be a finite number, got '-Infinity'")]
    [InlineData("trade", "NaN", 3, "trade must be a finite number, got 'NaN'")]
    [InlineData("trade", "1e999", 3, "trade must be a finite number, got '1e999'")]
    [InlineData("beta", "Infinity", 4, "beta must be a finite number, got 'Infinity'")]
    [InlineData("beta", "-Infinity", 4, "beta must be a finite number, got '-Infinity'")]
    [InlineData("beta", "NaN", 4, "beta must be a finite number, got 'NaN'")]
    public void Infinities_and_NaN_are_refused_with_line_and_column(string column, string text, int columnNumber, string message)
    {
        var row = column == "trade" ? $"A,B,{text},0" : $"A,B,1,{text}";
        var errors = Errors($"exporter,importer,trade,beta\nA,A,1,0\n{row}\nB,A,1,0\nB,B,1,0\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = (int?)3, Column = (int?)columnNumber, Path = $"row 2.{column}", Message = message });
    }

    [Theory]
    // Numbers the solver cannot carry through exp/log in double precision: the reproducers
    // (β = −1000, a subnormal flow of 1e-320) and the edges of the documented ranges.
    [InlineData("A,B,1,-1000", "row 2.beta", 4, "beta must be from -50 to 50 (e^β multiplies trade; e^50 ≈ 5e21), got -1000")]
    [InlineData("A,B,1,50.5", "row 2.beta", 4, "beta must be from -50 to 50 (e^β multiplies trade; e^50 ≈ 5e21), got 50.5")]
    [InlineData("A,B,1e-320,0", "row 2.trade", 3, "trade must be 0 or from 1e-12 to 1e18, got 1e-320")]
    [InlineData("A,B,1e-13,0", "row 2.trade", 3, "trade must be 0 or from 1e-12 to 1e18, got 1e-13")]
    [InlineData("A,B,2e18,0", "row 2.trade", 3, "trade must be 0 or from 1e-12 to 1e18, got 2e18")]
    public void Numbers_outside_the_documented_ranges_are_refused_with_line_and_column(string row, string path, int columnNumber, string message)
    {
        var errors = Errors($"exporter,importer,trade,beta\nA,A,1,0\n{row}\nB,A,1,0\nB,B,1,0\n");

        errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Line = (int?)3, Column = (int?)columnNumber, Path = path, Message = message });
    }

    [Theory]
    [InlineData("A,B,0,0")]
    [InlineData("A,B,1e-12,-50")]
    [InlineData("A,B,1e18,50")]
    public void Numbers_at_the_edges_of_the_ranges_are_read(string row)
    {
        Parse($"exporter,importer,trade,beta\nA,A,1,0\n{row}\nB,A,1,0\nB,B,1,0\n").Should().HaveCount(4);
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
