using Simulation.Model.Economics;
using Simulation.Model.Negotiation;
using Simulation.Model.Scenarios;

namespace Simulation.Model.Runs;

/// <summary>
/// The run as <c>when:</c> conditions read it at one check (after a round's agreements, DESIGN §5.1):
/// the world is built, and solved, at most once per check and only if a condition asks for it.
/// </summary>
internal sealed class RunConditions(
    Scenario scenario,
    Func<string, NegotiationStatus?> statusOf,
    Func<string, IReadOnlyList<IssueDescription>?> agreementOf,
    Func<World> world) : IRunConditions
{
    private World? _world;
    private IReadOnlyList<SectorSolution>? _solution;

    public World World => _world ??= world();

    public IReadOnlyList<SectorSolution> Solution => _solution ??= World.Solve(scenario.Model);

    public NegotiationStatus? StatusOf(string negotiation) => statusOf(negotiation);

    public IReadOnlyList<IssueDescription>? AgreementOf(string negotiation) => agreementOf(negotiation);
}
