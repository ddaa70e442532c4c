using Simulation.Model.Scenarios;

namespace Simulation.Client.Hosting;

/// <summary>
/// One run for a <see cref="IRunHost"/> to play: the scenario document as text (so any silo can
/// rebuild the world from it), the name of the file it came from (for the outcome and error
/// messages), the seed, and the run id it is known by (derived from content and seed, DESIGN §5.2;
/// a batch's runs add their settings). <see cref="Pace"/> is a wait between rounds so a person can
/// watch; it does not change the outcome.
/// </summary>
public sealed record RunOrder(string RunId, string ScenarioText, string ScenarioFile, long Seed)
{
    public TimeSpan Pace { get; init; }

    /// <summary>
    /// The rounds, from the first, played again only to rebuild the state of a run resumed from its
    /// journal: no pace wait follows them. In-process runs only, for now.
    /// </summary>
    public int ReplayedRounds { get; init; }

    /// <summary>
    /// The scenario <see cref="ScenarioText"/> reads as, when the caller has parsed it already: a
    /// host that plays in this process uses it rather than parsing the text again.
    /// </summary>
    public Scenario? Parsed { get; init; }
}
