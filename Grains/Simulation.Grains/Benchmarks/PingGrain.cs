using Simulation.Grains.Abstractions.Benchmarks;

namespace Simulation.Grains.Benchmarks;

/// <summary>The empty grain call of the bench (<see cref="IPingGrain"/>): no state, no work.</summary>
public sealed class PingGrain : Grain, IPingGrain
{
    public Task PingAsync() => Task.CompletedTask;
}
