namespace Simulation.Client.Commands;

/// <summary>
/// A command line that cannot be carried out as given, found by a command before it starts any
/// work (an output path that cannot be written, say): exit code 2, like any usage error.
/// </summary>
public sealed class UsageException(string message) : Exception(message);
