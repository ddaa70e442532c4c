namespace Simulation.Model.Experiments;

/// <summary>
/// One completed run of a sensitivity batch: its replicate (what orders the runs, so results do not
/// depend on the order runs finished in), the value of each input and of each outcome measure, in
/// the orders of <see cref="SensitivityAnalysis"/>.
/// </summary>
public sealed record SensitivitySample(int Replicate, IReadOnlyList<double> Inputs, IReadOnlyList<double> Measures);
