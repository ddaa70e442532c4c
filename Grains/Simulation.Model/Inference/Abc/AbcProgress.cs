namespace Simulation.Model.Inference;

/// <summary>Where a calibration is: generation, proposals simulated so far, particles accepted, tolerance (null in generation 0).</summary>
public sealed record AbcProgress(int Generation, int Proposals, int Accepted, double? Tolerance);
