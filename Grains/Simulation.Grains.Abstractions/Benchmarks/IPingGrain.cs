namespace Simulation.Grains.Abstractions.Benchmarks;

/// <summary>
/// A grain that does nothing, for `tradesim bench`: the rate of calls to it is Orleans' own cost of
/// a grain call on that silo, against which a turn through the run's grains is measured (DESIGN §7).
/// </summary>
[Alias("tradesim.IPingGrain")]
public interface IPingGrain : IGrainWithIntegerKey
{
    /// <summary>Returns at once.</summary>
    [Alias("PingAsync")]
    Task PingAsync();
}
