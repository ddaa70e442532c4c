using Simulation.Grains.Scenarios;
using Simulation.Model.Scenarios;

namespace Simulation.Grains.Tests;

/// <summary>
/// The silo's scenario cache: keyed by the SHA-256 of the text, least recently used out beyond its
/// bounds, one fetch and one parse for any number of grains waiting on a missing key.
/// </summary>
public sealed class ScenarioCacheTests
{
    private static string Text(string name) => $"name: {name}\n";

    [Fact]
    public void The_key_is_the_SHA_256_of_the_UTF_8_text_in_lower_case_hex()
    {
        // SHA-256("abc"), FIPS 180-2 appendix B.1.
        ScenarioCache.KeyOf("abc").Should().Be("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    [Fact]
    public void The_same_text_is_parsed_once_and_shared()
    {
        var cache = new ScenarioCache();

        var (key, first) = cache.Parse(Text("a"), "a.yaml");
        var (again, second) = cache.Parse(Text("a"), "other.yaml");

        again.Should().Be(key);
        second.Should().BeSameAs(first);
        cache.Parses.Should().Be(1);
    }

    [Fact]
    public async Task A_held_scenario_is_found_by_its_key_without_fetching()
    {
        var cache = new ScenarioCache();
        var (key, scenario) = cache.Parse(Text("a"), "a.yaml");

        var found = await cache.GetAsync(key, "a.yaml", () => throw new InvalidOperationException("no fetch expected"));

        found.Should().BeSameAs(scenario);
    }

    [Fact]
    public async Task Beyond_its_capacity_the_least_recently_used_scenario_goes()
    {
        var cache = new ScenarioCache(capacity: 2);
        var (a, _) = cache.Parse(Text("a"), "a.yaml");
        var (b, _) = cache.Parse(Text("b"), "b.yaml");
        await cache.GetAsync(a, "a.yaml", () => throw new InvalidOperationException("a is held")); // a is now the most recent
        cache.Parse(Text("c"), "c.yaml");

        cache.Count.Should().Be(2);
        var fetched = 0;
        await cache.GetAsync(b, "b.yaml", () => { fetched++; return Task.FromResult(Text("b")); });
        fetched.Should().Be(1, "b was the least recently used, so it went when c came");
        cache.Parses.Should().Be(4);
    }

    [Fact]
    public void Beyond_its_text_budget_older_scenarios_go_but_never_the_newest()
    {
        // "name: a\n" is 8 characters: a budget of 20 holds two.
        var cache = new ScenarioCache(textBudget: 20);
        cache.Parse(Text("a"), "a.yaml");
        cache.Parse(Text("b"), "b.yaml");
        cache.Count.Should().Be(2);

        cache.Parse(Text("c"), "c.yaml");
        cache.Count.Should().Be(2);

        new ScenarioCache(textBudget: 1).Parse(Text("big"), "big.yaml").Scenario.Name.Should().Be("big");
    }

    [Fact]
    public async Task Grains_waiting_on_a_missing_key_share_one_fetch_and_one_parse()
    {
        var cache = new ScenarioCache();
        var text = new TaskCompletionSource<string>();
        var fetches = 0;
        Task<string> Fetch()
        {
            fetches++;
            return text.Task;
        }

        var waiting = Enumerable.Range(0, 5).Select(_ => cache.GetAsync(ScenarioCache.KeyOf(Text("far")), "far.yaml", Fetch)).ToList();
        text.SetResult(Text("far"));
        var scenarios = await Task.WhenAll(waiting);

        fetches.Should().Be(1);
        cache.Parses.Should().Be(1);
        scenarios.Should().AllSatisfy(s => s.Should().BeSameAs(scenarios[0]));
        scenarios[0].Name.Should().Be("far");
    }

    [Fact]
    public async Task Text_that_does_not_match_its_key_is_refused_and_not_kept()
    {
        var cache = new ScenarioCache();
        var key = ScenarioCache.KeyOf(Text("expected"));

        await FluentActions.Awaiting(() => cache.GetAsync(key, "x.yaml", () => Task.FromResult(Text("other"))))
            .Should().ThrowAsync<InvalidOperationException>().WithMessage($"*{key}*another key*");
        cache.Count.Should().Be(0);

        (await cache.GetAsync(key, "x.yaml", () => Task.FromResult(Text("expected")))).Name.Should().Be("expected", "a failed fetch is tried again");
    }

    [Fact]
    public void Invalid_text_throws_the_loader_s_errors_and_is_not_kept()
    {
        var cache = new ScenarioCache();

        FluentActions.Invoking(() => cache.Parse("name: [unclosed\n", "broken.yaml"))
            .Should().Throw<Exception>().Where(e => e.Message.Contains("broken.yaml", StringComparison.Ordinal));
        cache.Count.Should().Be(0);
        cache.Parses.Should().Be(0);
    }
}
