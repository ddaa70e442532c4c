using Simulation.Model.Input;
using Simulation.Model.Scenarios;
using static Simulation.Model.Tests.Scenarios.LoaderAssertions;
using static Simulation.Model.Tests.Scenarios.ScenarioText;

namespace Simulation.Model.Tests.Scenarios;

/// <summary>Discrete issues beside tariff issues (DESIGN §6.1): how they are read and what is refused.</summary>
public sealed class DiscreteIssueTests
{
    [Fact]
    public void A_discrete_issue_is_read_beside_the_tariff_issues_in_the_order_of_the_file()
    {
        var text = WithLine(17, BaseLines[16] + "\n" +
            "      - { id: dispute_settlement, values: [none, panel, appellate], value: { CAN: [0, 40, 60], IDN: [0, 10, -20] } }");

        var issues = ScenarioLoader.Parse(text, FileName).Negotiations.Single().Issues;

        issues.Select(i => i.GetType()).Should().Equal(typeof(TariffIssueSpec), typeof(TariffIssueSpec), typeof(DiscreteIssueSpec));
        var discrete = (DiscreteIssueSpec)issues[2];
        discrete.Id.Should().Be("dispute_settlement");
        discrete.Values.Should().Equal("none", "panel", "appellate");
        discrete.ValueByParty["CAN"].Should().Equal(0, 40, 60);
        discrete.ValueByParty["IDN"].Should().Equal(0, 10, -20);
        discrete.LevelCount.Should().Be(3);
    }

    [Fact]
    public void A_party_without_an_entry_values_the_issue_zero_everywhere()
    {
        var text = WithLine(17, BaseLines[16] + "\n      - { id: labour, values: [none, side letter, chapter], value: { CAN: [0, 5, 9] } }");

        var discrete = ScenarioLoader.Parse(text, FileName).Negotiations.Single().Issues.OfType<DiscreteIssueSpec>().Single();

        Enumerable.Range(0, 3).Select(level => discrete.ValueOf("IDN", level)).Should().Equal(0, 0, 0);
        Enumerable.Range(0, 3).Select(level => discrete.ValueOf("CAN", level)).Should().Equal(0, 5, 9);
        discrete.Values[1].Should().Be("side letter", "value names are labels and may hold blanks");
    }

    [Fact]
    public void Every_mistake_in_discrete_issues_is_reported_at_once_with_line_column_and_path()
    {
        // Line 17 becomes four issues on lines 17–20.
        var text = WithLine(17, BaseLines[16] + "\n" +
            "      - { id: \"tab\\there\", values: [a, b, a], value: { CAN: [1, 2], USA: [0, 1, 2] } }\n" +
            "      - { id: ip, values: [only] }\n" +
            "      - { id: ip, values: [x, y], value: { IDN: [0, 2e9] }, levels: [1] }");

        var errors = ErrorsOf(text);

        errors.Select(e => (e.Line, e.Path, e.Message)).Should().BeEquivalentTo(new (int?, string, string)[]
        {
            (18, "negotiations[0].issues[2].id", $"issue id 'tab\\there' is not allowed: use {ScenarioIdsLabelRule}"),
            (18, "negotiations[0].issues[2].values[2]", "value 'a' appears twice (also at negotiations[0].issues[2].values[0])"),
            (18, "negotiations[0].issues[2].value.CAN", "expected one number per value (3), got 2"),
            (18, "negotiations[0].issues[2].value.USA", "'USA' is not a party of this negotiation (parties: CAN, IDN)"),
            (19, "negotiations[0].issues[3].values", "a discrete issue needs from 2 to 1000 values (the status quo first), got 1"),
            (20, "negotiations[0].issues[4].levels", "unknown key 'levels' (expected one of: id, values, value)"),
            (20, "negotiations[0].issues[4].id", "this negotiation already has a discrete issue 'ip': negotiations[0].issues[3]"),
            (20, "negotiations[0].issues[4].value.IDN[1]", "must be a number from -1e9 to 1e9, got 2e9 (values are in the scenario's units: give large ones in a larger unit)"),
        });
    }

    [Fact]
    public void An_entry_with_only_party_values_is_read_as_a_discrete_issue_missing_its_id_and_values()
    {
        var errors = ErrorsOf(WithLine(17, BaseLines[16] + "\n      - { value: { CAN: [0, 1] } }"));

        errors.Select(e => (e.Path, e.Message)).Should().Equal(
            ("negotiations[0].issues[2].id", "missing required key 'id'"),
            ("negotiations[0].issues[2].values", "missing required key 'values'"));
    }

    [Fact]
    public void A_discrete_issue_named_like_a_sector_on_the_same_table_is_refused()
    {
        // Both would key a group of the outcome space "footwear".
        var error = SingleErrorOf(WithLine(17, BaseLines[16] + "\n      - { id: footwear, values: [no, yes] }"));

        error.Should().Be(new InputError(FileName, 18, 9, "negotiations[0].issues[2]",
            "discrete issue 'footwear' has the name of a sector of this negotiation's tariff issues; give it another id"));
    }

    [Fact]
    public void Discrete_issues_count_toward_the_groups_a_negotiation_may_span()
    {
        // 2 sectors of tariff issues and 99 discrete issues of two values: 101 groups, one over the 100 allowed.
        var discrete = string.Join("\n", Enumerable.Range(0, 99).Select(i => $"      - {{ id: d{i}, values: [no, yes] }}"));
        var error = SingleErrorOf(WithLine(17, BaseLines[16] + "\n" + discrete));

        error.Path.Should().Be("negotiations[0].issues");
        error.Message.Should().Be(
            "negotiation 'CAN-IDN' is too large: its issues span 101 sectors and discrete issues; at most 100 are supported " +
            "(the memory of the bidding frontier grows with the square of the number of sectors)");
    }

    private const string ScenarioIdsLabelRule = "text of at most 1,024 characters, without control characters";
}
