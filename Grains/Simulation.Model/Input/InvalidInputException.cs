namespace Simulation.Model.Input;

/// <summary>
/// Raised when a user's file cannot be used. Carries every error found, not just the first, so a
/// user can fix a file in one pass. The CLI turns it into exit code 2 and a list, never a stack trace.
/// </summary>
public sealed class InvalidInputException(IReadOnlyList<InputError> errors)
    : Exception(errors.Count == 1 ? errors[0].ToString() : $"{errors.Count} errors, the first: {errors[0]}")
{
    public IReadOnlyList<InputError> Errors { get; } = errors;
}
