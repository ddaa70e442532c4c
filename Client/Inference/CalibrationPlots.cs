using Simulation.Client.Commands;
using Simulation.Client.Plots;
using Simulation.Model.Inference;

namespace Simulation.Client.Inference;

/// <summary>The PNG marginals <c>calibrate --plots</c> writes into DIR/plots/, one per parameter, named after its path.</summary>
internal sealed class CalibrationPlots(string directory)
{
    public const string DirectoryName = "plots";

    /// <exception cref="UsageException">The folder cannot be made, checked before any run.</exception>
    public static CalibrationPlots Check(string root)
    {
        var directory = Path.Combine(root, DirectoryName);
        try
        {
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"--plots: '{directory}' cannot be made ({e.Message})");
        }

        return new CalibrationPlots(directory);
    }

    public void Save(IReadOnlyList<ParameterPrior> priors, AbcGeneration posterior)
    {
        for (var k = 0; k < priors.Count; k++)
        {
            var path = Path.Combine(directory, FileName(priors[k].Path.Text));
            var sample = posterior.Particles.Select(p => (p.Values[k], p.Weight)).ToList();
            if (priors[k].Prior is ChoicePrior choice)
            {
                MarginalChart.SaveChoice(path, priors[k].Path.Text, [.. choice.Options.Select((o, i) => (o, sample.Where(s => s.Item1 == i).Sum(s => s.Weight)))]);
            }
            else
            {
                MarginalChart.SaveNumber(path, priors[k].Path.Text, sample);
            }
        }
    }

    // countries.CAN.strategy.e → countries.CAN.strategy.e.png; [ and ] of ids and indexes become _.
    private static string FileName(string path) => string.Concat(path.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_')) + ".png";
}
