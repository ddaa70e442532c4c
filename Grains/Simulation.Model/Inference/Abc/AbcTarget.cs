namespace Simulation.Model.Inference;

/// <summary>One observed outcome a calibration matches, with its table's issues.</summary>
public sealed record AbcTarget(ObservedOutcome Observed, IReadOnlyList<IssueAxis> Issues)
{
    public static AbcTarget Of(Episode episode)
    {
        ArgumentNullException.ThrowIfNull(episode);
        return new AbcTarget(episode.Observed, episode.Issues.Issues);
    }
}
