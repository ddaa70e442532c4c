namespace Simulation.Model.Runs.Journal;

/// <summary>
/// A journal that cannot be resumed from, with what is wrong and, when one line is to blame, its
/// number (1-based): not a journal, damaged, another scenario's or seed's, a finished run's, or one
/// the scenario no longer plays the same way.
/// </summary>
public sealed class JournalException : Exception
{
    public JournalException(string message, int? line = null)
        : base(message)
    {
        Line = line;
    }

    public JournalException()
    {
    }

    public JournalException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The line to blame, or null when it is the journal as a whole.</summary>
    public int? Line { get; }
}
