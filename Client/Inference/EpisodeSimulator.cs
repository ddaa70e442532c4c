using Simulation.Client.Hosting;
using Simulation.Grains.Abstractions.Runs;
using Simulation.Model.Inference;
using Simulation.Model.Input;

namespace Simulation.Client.Inference;

/// <summary>
/// Simulates an episode at a proposal's parameters through the run host, as <c>batch</c> builds a
/// run with values put in: the episode's scenario with the settings, its seed, and a run id from
/// (scenario, seed, settings, particle, episode). A value the scenario refuses, or a run that
/// fails, is a failed simulation (distance 1, DESIGN §9 as documented), counted in <see cref="Failures"/>.
/// </summary>
internal sealed class EpisodeSimulator(CalibrationInputs inputs, IRunHost host)
{
    private int _failures;

    public int Failures => _failures;

    public async Task<SimulatedOutcome> SimulateAsync(Proposal proposal, int target, CancellationToken cancellation)
    {
        var episode = inputs.Episodes[target];
        var document = inputs.Documents[target];
        var settings = inputs.SettingsFor(target, proposal.Values);
        RunOrder order;
        try
        {
            var variant = $"{string.Join(";", settings)}|{proposal.Id}|{episode.Id}";
            order = new RunOrder(RunIds.For(document.Text, episode.Seed, variant), document.TextWith(settings), Path.GetFileName(document.FileName), episode.Seed)
            {
                Parsed = document.Load(settings),
            };
        }
        catch (InvalidInputException)
        {
            Interlocked.Increment(ref _failures);
            return SimulatedOutcome.Failed;
        }

        try
        {
            var outcome = await host.PlayAsync(order, null, null, cancellation);
            var negotiation = outcome.Negotiations.First(n => n.Id == episode.Negotiation);
            return new SimulatedOutcome(negotiation.Status, episode.Issues.EndLevels(negotiation));
        }
        catch (RunFailedException)
        {
            Interlocked.Increment(ref _failures);
            return SimulatedOutcome.Failed;
        }
        finally
        {
            await host.ReleaseAsync(order.RunId, CancellationToken.None);
        }
    }
}
