using Simulation.Model.Scenarios;
using Simulation.Model.Scenarios.Events;

namespace Simulation.Tests.Shared;

/// <summary>
/// What <see cref="ReferenceRun"/> can replay, checked before it starts, so that it never replays
/// something else in silence: anything outside it throws <see cref="NotSupportedException"/> naming it.
/// </summary>
public static class ReferenceSupport
{
    private static readonly string[] Protocols = ["alternating-offers", "stacked-alternating-offers"];
    private static readonly string[] Acceptances = ["next", "constant"];
    private static readonly string[] OpponentModels = ["economic", "perfect", "none"];
    private static readonly string[] Biddings = ["time-dependent", "random", "tit-for-tat"];

    /// <summary>The bound (docs/scenario-format.md, Strategies) on a table's outcomes for the exact several-party bid.</summary>
    private const double MaxExactOutcomes = 200_000;

    public static void EnsureSupported(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.InUtilityUnits)
        {
            throw new NotSupportedException("The reference replay has no scenarios in utility units.");
        }

        foreach (var negotiation in scenario.Negotiations)
        {
            if (!Protocols.Contains(negotiation.Protocol))
            {
                throw new NotSupportedException($"The reference replay has no protocol '{negotiation.Protocol}' ({negotiation.Id}).");
            }

            if (negotiation.Protocol == "alternating-offers" && negotiation.Parties.Count != 2)
            {
                throw new NotSupportedException($"Alternating offers takes two parties, not {negotiation.Parties.Count} ({negotiation.Id}).");
            }

            // docs/scenario-format.md: with several other parties the bid is the exact best worst-off on a table
            // of at most 200,000 outcomes only; above, it is searched on weighted frontiers.
            var outcomes = negotiation.Issues.Aggregate(1.0, (product, issue) => product * issue.LevelCount);
            if (negotiation.Parties.Count > 2 && outcomes > MaxExactOutcomes)
            {
                throw new NotSupportedException($"The reference replay bids at tables of three or more over at most {MaxExactOutcomes:N0} outcomes, not {outcomes:N0} ({negotiation.Id}).");
            }

            foreach (var issue in negotiation.Issues.Where(i => i is not TariffIssueSpec and not QuotaIssueSpec))
            {
                throw new NotSupportedException($"The reference replay has no issue of type {issue.GetType().Name} ({negotiation.Id}).");
            }

            foreach (var (party, strategy) in negotiation.Strategies)
            {
                Ensure(strategy, $"{party} in {negotiation.Id}");
            }
        }

        foreach (var country in scenario.Countries.Where(c => c.Negotiates))
        {
            Ensure(country.Strategy, country.Id);
        }

        foreach (var scenarioEvent in scenario.Events)
        {
            if (scenarioEvent.Trigger is not RoundTrigger and not StatusTrigger and not AgreementTrigger { OnQuota: false })
            {
                throw new NotSupportedException($"The reference replay has no event trigger {scenarioEvent.Trigger.GetType().Name}.");
            }

            if (scenarioEvent is SetStrategyEvent setStrategy)
            {
                Ensure(setStrategy.Strategy, $"{setStrategy.Country} after set-strategy");
            }
            else if (scenarioEvent is not (TerminateEvent or StartEvent or SetTariffEvent or SetWeightsEvent))
            {
                throw new NotSupportedException($"The reference replay has no event '{scenarioEvent.Type}'.");
            }
        }
    }

    private static void Ensure(StrategySpec strategy, string who)
    {
        if (!Biddings.Contains(strategy.Bidding.Type))
        {
            throw new NotSupportedException($"The reference replay has no bidding strategy '{strategy.Bidding.Type}' ({who}).");
        }

        if (!Acceptances.Contains(strategy.Acceptance.Type))
        {
            throw new NotSupportedException($"The reference replay has no acceptance condition '{strategy.Acceptance.Type}' ({who}).");
        }

        if (!OpponentModels.Contains(strategy.OpponentModel))
        {
            throw new NotSupportedException($"The reference replay has no opponent model '{strategy.OpponentModel}' ({who}).");
        }
    }
}
