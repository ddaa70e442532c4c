namespace Simulation.Model.Numerics;

/// <summary>
/// A computation produced a number that is not finite (NaN or an infinity), or would have. Thrown
/// instead of returning it: NaN passes silently through sums and comparisons, and an infinity
/// cannot be written as JSON. The message says what was being computed and why it failed; the
/// command line reports it as a failure while running (exit 1).
/// </summary>
public sealed class NonFiniteResultException(string message) : ArithmeticException(message);
