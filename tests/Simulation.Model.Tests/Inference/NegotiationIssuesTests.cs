using Simulation.Model.Inference;
using Simulation.Model.Negotiation;
using Simulation.Model.Reporting;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Tests.Inference;

public sealed class NegotiationIssuesTests
{
    private static readonly NegotiationIssues s_issues = new(ScenarioLoader.Parse(InferenceScenario.Text, "world.yaml"), "CAN-IDN");

    [Fact]
    public void The_issues_are_keyed_by_line_quota_line_and_id_with_their_levels_in_the_files_order()
    {
        s_issues.Issues.Select(i => (i.Key, i.Kind, i.LevelCount)).Should().Equal(
            ("IDN:CAN:canola_oil", IssueKind.Tariff, 3),
            ("CAN:IDN:footwear", IssueKind.Tariff, 5),
            ("CAN:IDN:footwear:quota", IssueKind.Quota, 3),
            ("dispute_settlement", IssueKind.Discrete, 3));

        // from 18 to 0 in 4 steps: 18, 13.5, 9, 4.5, 0.
        s_issues.Issues[1].Levels.Select(l => l.Text).Should().Equal("18", "13.5", "9", "4.5", "0");
        s_issues.Issues[2].Levels.Select(l => l.Text).Should().Equal("0 at 0%", "50 at 0%", "100 at 0%");
        s_issues.Issues[3].Levels.Select(l => l.Text).Should().Equal("none", "panel", "appellate");
    }

    [Fact]
    public void Levels_are_written_in_json_as_a_number_a_quota_object_or_a_string()
    {
        s_issues.Issues[0].Levels[1].ToJson().ToJsonString().Should().Be("2.5");
        s_issues.Issues[2].Levels[2].ToJson().ToJsonString().Should().Be("{\"quota\":100,\"in_quota_tariff\":0}");
        s_issues.Issues[3].Levels[1].ToJson().ToJsonString().Should().Be("\"panel\"");
    }

    [Theory]
    [InlineData(5, 0, true)]
    [InlineData(2.5, 1, true)]
    [InlineData(3, 1, false)]    // |3 − 2.5| = 0.5 < |3 − 5| = 2
    [InlineData(4, 0, false)]    // |4 − 5| = 1 < |4 − 2.5| = 1.5
    [InlineData(3.75, 0, false)] // halfway between 5 and 2.5: the lower index
    [InlineData(1.25, 1, false)] // halfway between 2.5 and 0: the lower index
    [InlineData(-3, 2, false)]
    [InlineData(40, 0, false)]
    public void An_observed_tariff_maps_to_the_nearest_level_ties_to_the_lower_index(double observed, int level, bool exact)
    {
        s_issues.Issues[0].Nearest(observed).Should().Be(new NearestLevel(level, exact));
    }

    [Fact]
    public void A_quota_maps_by_volume_and_a_discrete_value_by_name()
    {
        s_issues.Issues[2].Nearest(75).Should().Be(new NearestLevel(1, false), because: "75 is halfway between 50 (level 1) and 100 (level 2)");
        s_issues.Issues[2].Nearest(100).Should().Be(new NearestLevel(2, true));
        s_issues.Issues[3].IndexOfValue("appellate").Should().Be(2);
        s_issues.Issues[3].IndexOfValue("Panel").Should().BeNull(because: "values are compared ordinally");
        s_issues.Find("CAN:IDN:footwear:quota").Should().BeSameAs(s_issues.Issues[2]);
        s_issues.Find("CAN:IDN:shoes").Should().BeNull();
    }

    [Fact]
    public void An_agreed_outcome_ends_each_issue_at_its_agreed_level()
    {
        var outcome = Outcome(NegotiationStatus.Agreed,
        [
            OutcomeEntry.ForTariff("IDN", "CAN", "canola_oil", 0),
            OutcomeEntry.ForTariff("CAN", "IDN", "footwear", 13.5),
            OutcomeEntry.ForQuota("CAN", "IDN", "footwear", 50, 0, 13.5),
            OutcomeEntry.ForDiscrete("dispute_settlement", "panel"),
        ]);

        s_issues.EndLevels(outcome).Should().Equal(2, 1, 1, 1);
    }

    [Theory]
    [InlineData(NegotiationStatus.Deadline)]
    [InlineData(NegotiationStatus.WalkedAway)]
    [InlineData(NegotiationStatus.Terminated)]
    [InlineData(NegotiationStatus.NotStarted)]
    public void A_negotiation_that_did_not_agree_leaves_every_issue_at_its_status_quo(NegotiationStatus status)
    {
        s_issues.EndLevels(Outcome(status, null)).Should().Equal(0, 0, 0, 0);
    }

    [Fact]
    public void An_agreement_off_the_table_or_another_negotiations_outcome_is_refused()
    {
        var offGrid = Outcome(NegotiationStatus.Agreed, [OutcomeEntry.ForTariff("IDN", "CAN", "canola_oil", 1)]);
        var other = Outcome(NegotiationStatus.Deadline, null) with { Id = "CAN-CHN" };

        FluentActions.Invoking(() => s_issues.EndLevels(offGrid)).Should().Throw<ArgumentException>().WithMessage("*IDN:CAN:canola_oil*level not on the table*");
        FluentActions.Invoking(() => s_issues.EndLevels(other)).Should().Throw<ArgumentException>().WithMessage("*CAN-CHN*");
        FluentActions.Invoking(() => new NegotiationIssues(ScenarioLoader.Parse(InferenceScenario.Text, "world.yaml"), "CAN-USA")).Should().Throw<ArgumentException>();
    }

    private static NegotiationOutcome Outcome(NegotiationStatus status, IReadOnlyList<OutcomeEntry>? agreement)
    {
        var none = new Dictionary<string, double>();
        var point = new BargainingPointOutcome([], none);
        return new NegotiationOutcome("CAN-IDN", ["CAN", "IDN"], NegotiationSpec.AlternatingOffers, status, 3, agreement, none, none, none,
            new Dictionary<string, string>(), new AnalysisOutcome(0, null, 0, 0, null, null, point, []), []);
    }
}
