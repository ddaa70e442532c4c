using Simulation.Model.Negotiation;

namespace Simulation.Model.Inference;

/// <summary>
/// The distance between a simulated and an observed outcome of one episode (DESIGN §9):
/// d = 1[status differs] + 1[both agreed] · (1/n) Σ_i |k_i − k̂_i| / (L_i − 1), over the n issues
/// observed, a discrete issue counting 0 when equal and 1 when not. It lies in [0, 1]: a status
/// that differs costs 1 and leaves no levels to compare. A failed simulation counts as a status
/// that differs.
/// </summary>
public static class EpisodeDistance
{
    public static double Of(ObservedOutcome observed, IReadOnlyList<IssueAxis> issues, SimulatedOutcome simulated)
    {
        ArgumentNullException.ThrowIfNull(observed);
        ArgumentNullException.ThrowIfNull(issues);
        ArgumentNullException.ThrowIfNull(simulated);
        if (simulated.Status != observed.Status)
        {
            return 1;
        }

        if (observed.Status != NegotiationStatus.Agreed)
        {
            return 0;
        }

        var (sum, count) = (0.0, 0);
        for (var i = 0; i < issues.Count; i++)
        {
            if (observed.Levels[i] is not { } target)
            {
                continue;
            }

            count++;
            var level = simulated.Levels[i];
            if (level == target)
            {
                continue;
            }

            sum += issues[i].Kind == IssueKind.Discrete ? 1 : (double)Math.Abs(level - target) / (issues[i].LevelCount - 1);
        }

        return count == 0 ? 0 : sum / count;
    }
}
