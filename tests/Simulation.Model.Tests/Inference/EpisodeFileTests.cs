using Simulation.Model.Inference;
using Simulation.Model.Input;
using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Inference;

public sealed class EpisodeFileTests : IDisposable
{
    private readonly InferenceScenario _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public void An_episode_gives_its_scenario_negotiation_date_source_seed_and_the_levels_observed()
    {
        var path = _world.Episodes(
            "episodes:\n" +
            "  - id: can-idn-2025\n" +
            "    scenario: world.yaml\n" +
            "    negotiation: CAN-IDN\n" +
            "    known: 2025-09-23\n" +
            "    source: \"Global Affairs Canada, 2025-09-23\"\n" +
            "    note: signed in Ottawa\n" +
            "    observed:\n" +
            "      status: agreed\n" +
            "      issues:\n" +
            "        IDN:CAN:canola_oil: 0\n" +
            "        CAN:IDN:footwear: { quota: 50, in_quota_tariff: 0 }\n" +
            "        dispute_settlement: panel\n" +
            "  - id: can-idn-talks-fail\n" +
            "    scenario: world.yaml\n" +
            "    negotiation: CAN-IDN\n" +
            "    known: 2024-01-02\n" +
            "    source: invented for the test\n" +
            "    seed: 7\n" +
            "    observed: { status: walked_away }\n");

        var episodes = EpisodeFile.Load(path);

        episodes.Should().HaveCount(2);
        var agreed = episodes[0];
        agreed.Id.Should().Be("can-idn-2025");
        agreed.ScenarioFile.Should().Be(Path.Combine(_world.Folder, "world.yaml"), because: "the scenario is found beside the episode file");
        agreed.Negotiation.Should().Be("CAN-IDN");
        agreed.Known.Should().Be(new DateOnly(2025, 9, 23));
        agreed.Source.Should().Be("Global Affairs Canada, 2025-09-23");
        agreed.Note.Should().Be("signed in Ottawa");
        agreed.Seed.Should().Be(42, because: "without its own seed an episode runs with its scenario's");
        agreed.Warnings.Should().BeEmpty();

        // Issues in the table's order: canola 0 is level 2 of [5, 2.5, 0]; footwear's tariff is not
        // given (not observed); the quota 50 is level 1 of [0, 50, 100]; panel is level 1.
        agreed.Observed.Status.Should().Be(NegotiationStatus.Agreed);
        agreed.Observed.Levels.Should().Equal(2, null, 1, 1);

        episodes[1].Seed.Should().Be(7);
        episodes[1].Observed.Agreed.Should().BeFalse();
        episodes[1].Observed.Levels.Should().Equal(0, 0, 0, 0);
    }

    [Fact]
    public void An_off_grid_value_is_taken_as_the_nearest_level_and_said_so()
    {
        var path = _world.Episodes(Single("      issues:\n        IDN:CAN:canola_oil: 3.75\n        CAN:IDN:footwear:quota: { quota: 80, in_quota_tariff: 5 }\n"));

        var episode = EpisodeFile.Load(path).Single();

        // 3.75 is halfway between 5 (level 0) and 2.5 (level 1): the lower index. 80 is nearer 100 (level 2) than 50.
        episode.Observed.Levels.Should().Equal(0, null, 2, null);
        episode.Warnings.Should().Equal(
            "episode e1: issue IDN:CAN:canola_oil: observed 3.75 is not on the table; taken as the nearest level, 5 (level 0)",
            "episode e1: issue CAN:IDN:footwear:quota: observed a quota of 80 is not on the table; taken as the nearest level, 100 at 0% (level 2)",
            "episode e1: issue CAN:IDN:footwear:quota: observed in-quota tariff 5% differs from the table's 0%; the level is chosen by volume alone");
    }

    [Fact]
    public void Every_error_of_an_episode_file_is_reported_at_once_with_its_line()
    {
        var path = _world.Episodes(
            /*  1 */ "episodes:\n" +
            /*  2 */ "  - id: a\n" +
            /*  3 */ "    scenario: world.yaml\n" +
            /*  4 */ "    negotiation: CAN-IDM\n" +
            /*  5 */ "    known: 2025-13-01\n" +
            /*  6 */ "    source: s\n" +
            /*  7 */ "    observed: { status: agreed }\n" +
            /*  8 */ "  - id: a\n" +
            /*  9 */ "    scenario: world.yaml\n" +
            /* 10 */ "    negotiation: CAN-IDN\n" +
            /* 11 */ "    known: 2025-01-01\n" +
            /* 12 */ "    source: s\n" +
            /* 13 */ "    sorce: s\n" +
            /* 14 */ "    observed:\n" +
            /* 15 */ "      status: agred\n" +
            /* 16 */ "  - id: c\n" +
            /* 17 */ "    scenario: world.yaml\n" +
            /* 18 */ "    negotiation: CAN-IDN\n" +
            /* 19 */ "    known: 2025-01-01\n" +
            /* 20 */ "    source: s\n" +
            /* 21 */ "    observed:\n" +
            /* 22 */ "      status: agreed\n" +
            /* 23 */ "      issues:\n" +
            /* 24 */ "        IDN:CAN:canola_ol: 0\n" +
            /* 25 */ "        CAN:IDN:footwear:quota: 9\n" +
            /* 26 */ "        dispute_settlement: arbitration\n" +
            /* 27 */ "        IDN:CAN:canola_oil: five\n" +
            /* 28 */ "  - id: d\n" +
            /* 29 */ "    scenario: missing.yaml\n" +
            /* 30 */ "    negotiation: CAN-IDN\n" +
            /* 31 */ "    known: 2025-01-01\n" +
            /* 32 */ "    source: s\n" +
            /* 33 */ "    observed: { status: deadline, issues: { IDN:CAN:canola_oil: 0 } }\n");

        var errors = FluentActions.Invoking(() => EpisodeFile.Load(path)).Should().Throw<InvalidInputException>().Which.Errors;

        var own = errors.Where(e => e.File == path).ToList();
        own.Select(e => (e.Line, e.Path)).Should().Equal(
            (4, "episodes[0].negotiation"),
            (5, "episodes[0].known"),
            (8, "episodes[1].id"),
            (13, "episodes[1].sorce"),
            (15, "episodes[1].observed.status"),
            (24, "episodes[2].observed.issues[\"IDN:CAN:canola_ol\"]"),
            (25, "episodes[2].observed.issues[\"CAN:IDN:footwear:quota\"]"),
            (26, "episodes[2].observed.issues.dispute_settlement"),
            (27, "episodes[2].observed.issues[\"IDN:CAN:canola_oil\"]"));
        own[0].Message.Should().Contain("has no negotiation 'CAN-IDM'").And.Contain("did you mean 'CAN-IDN'?");
        own[1].Message.Should().Be("expected a date written YYYY-MM-DD, got '2025-13-01'");
        own[2].Message.Should().Be("the episode id 'a' is used twice (also at line 2)");
        own[4].Message.Should().Contain("did you mean 'agreed'?");
        own[5].Message.Should().Contain("is not on the table of CAN-IDN").And.Contain("did you mean 'IDN:CAN:canola_oil'?");
        own[6].Message.Should().Be("CAN:IDN:footwear:quota is a tariff-rate quota issue: give its volume and in-quota tariff, such as { quota: 100, in_quota_tariff: 0 }");
        own[7].Message.Should().Be("'arbitration' is not a value of dispute_settlement (its values: none, panel, appellate)");
        own[8].Message.Should().Contain("expected a number");
        errors.Should().Contain(e => e.File == Path.Combine(_world.Folder, "missing.yaml"), because: "a scenario that cannot be read is reported under its own name");
    }

    [Fact]
    public void A_negotiation_that_did_not_agree_cannot_be_observed_away_from_the_status_quo()
    {
        var path = _world.Episodes(Single("      issues: { IDN:CAN:canola_oil: 5, dispute_settlement: panel }\n", status: "deadline"));

        var error = FluentActions.Invoking(() => EpisodeFile.Load(path)).Should().Throw<InvalidInputException>().Which.Errors.Should().ContainSingle().Subject;

        error.Path.Should().Be("episodes[0].observed.issues.dispute_settlement", because: "canola at 5 is its status quo, which a failed negotiation leaves it at");
        error.Message.Should().Be("a negotiation that ended deadline leaves every issue at its status quo (none), not at panel");
    }

    [Fact]
    public void An_issue_given_twice_and_an_empty_file_are_refused()
    {
        var twice = _world.Episodes(Single(
            "      issues:\n        CAN:IDN:footwear: { quota: 50, in_quota_tariff: 0 }\n        CAN:IDN:footwear:quota: { quota: 100, in_quota_tariff: 0 }\n"));
        FluentActions.Invoking(() => EpisodeFile.Load(twice)).Should().Throw<InvalidInputException>()
            .Which.Errors.Should().ContainSingle().Which.Message.Should().Be("the issue CAN:IDN:footwear:quota is given twice (also as 'CAN:IDN:footwear')");

        var empty = _world.Episodes("episodes: []\n");
        FluentActions.Invoking(() => EpisodeFile.Load(empty)).Should().Throw<InvalidInputException>()
            .Which.Errors.Should().ContainSingle().Which.Message.Should().Be("the list of episodes is empty");
    }

    private static string Single(string issues, string status = "agreed") =>
        "episodes:\n" +
        "  - id: e1\n" +
        "    scenario: world.yaml\n" +
        "    negotiation: CAN-IDN\n" +
        "    known: 2025-01-01\n" +
        "    source: s\n" +
        "    observed:\n" +
        $"      status: {status}\n" +
        issues;
}
