namespace Simulation.Model.Benchmarks;

/// <summary>One pairing of time-dependent strategies in workload W1 (DESIGN §7): the concession exponents of the first and second party.</summary>
/// <param name="Name">A short label, used in the scenario's name and the bench's table.</param>
/// <param name="FirstE">The first party's concession exponent e.</param>
/// <param name="SecondE">The second party's.</param>
public sealed record W1Pair(string Name, double FirstE, double SecondE);
