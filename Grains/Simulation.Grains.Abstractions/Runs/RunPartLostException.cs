namespace Simulation.Grains.Abstractions.Runs;

/// <summary>
/// A country or negotiation grain was asked to play its part in a run it holds nothing of: the
/// activation that held its part went with a silo that died or stopped, and the cluster made a new,
/// empty one (country and negotiation grains keep their state in memory only). This is no fault of
/// the run: its run grain plays the run again from its record, which opens every table and joins
/// every party afresh (DESIGN §5.3).
/// </summary>
[GenerateSerializer, Alias("tradesim.RunPartLostException")]
public sealed class RunPartLostException : Exception
{
    public RunPartLostException()
    {
    }

    public RunPartLostException(string message)
        : base(message)
    {
    }

    public RunPartLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
