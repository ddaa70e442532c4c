using Simulation.Model.Benchmarks;
using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Runs;
using Simulation.Model.Scenarios;

namespace Simulation.Benchmarks;

/// <summary>W1's scenario (DESIGN §7) and the seats of its two parties in the world it starts in, made once for a benchmark.</summary>
internal sealed class W1Space
{
    public W1Space(W1Pair pair)
    {
        Text = W1Workload.ScenarioText(pair);
        Scenario = ScenarioLoader.Parse(Text, "w1.yaml");
        Negotiation = Scenario.Negotiation(W1Workload.NegotiationId);
        World = AgreedWorld.Of(Scenario, [], []);
        First = NegotiationSeat.Take(Scenario, Negotiation, W1Workload.First, World);
        Second = NegotiationSeat.Take(Scenario, Negotiation, W1Workload.Second, World);
    }

    public string Text { get; }

    public Scenario Scenario { get; }

    public NegotiationSpec Negotiation { get; }

    public World World { get; }

    public NegotiationSeat First { get; }

    public NegotiationSeat Second { get; }

    public OutcomeSpace Space => First.Agenda.Space;
}
