namespace Simulation.Model.Scenarios;

/// <summary>
/// Reads a negotiation's <c>issues</c>, in the order of the file: an entry with an <c>id</c>,
/// <c>values</c> or <c>value</c> is a discrete issue (<see cref="DiscreteIssueReader"/>), one with
/// <c>type: trq</c> a tariff-rate quota issue (<see cref="QuotaIssueReader"/>), any other a tariff issue
/// (<see cref="TariffIssueReader"/>). A scenario in <c>units: utility</c> has no trade, so only
/// discrete issues. A discrete issue may not share its name with a sector on the same table: each
/// is a group of the outcome space, keyed by that name (the sector's tariff lines, or the issue).
/// </summary>
internal static class IssueReader
{
    public static List<IssueSpec> ReadAll(YamlField field, PartyList? parties, ScenarioWorld world, InputErrorList errors)
    {
        var issues = new List<IssueSpec>();
        if (field.Node is not YamlSequence items || items.Items.Count == 0)
        {
            var kinds = world.InUtilityUnits ? "discrete issues" : "tariff or discrete issues";
            errors.Add(field.Node, field.Path, $"issues must be a non-empty list of {kinds}, got {field.Node.Describe()}");
            return issues;
        }

        var tariffs = new TariffIssueReader(parties, world, errors);
        var quotas = new QuotaIssueReader(parties, world, errors);
        var discrete = new DiscreteIssueReader(parties, errors);
        var discreteFields = new List<(DiscreteIssueSpec Issue, YamlField Field)>();
        for (var i = 0; i < items.Items.Count; i++)
        {
            var item = new YamlField(items.Items[i], DocumentPath.Index(field.Path, i));
            if (item.Node is YamlMapping mapping && DiscreteIssueReader.Keys.Any(key => mapping.Find(key) is not null))
            {
                if (discrete.Read(item) is { } issue)
                {
                    issues.Add(issue);
                    discreteFields.Add((issue, item));
                }
            }
            else if (item.Node is YamlMapping typed && typed.Find("type") is { } type && !world.InUtilityUnits)
            {
                var typeField = new YamlField(type.Value, DocumentPath.Key(item.Path, "type"));
                var text = ScalarReader.Text(typeField, errors);
                if (text == QuotaIssueReader.Type)
                {
                    if (quotas.Read(item) is { } issue)
                    {
                        issues.Add(issue);
                    }
                }
                else if (text is not null)
                {
                    errors.Add(typeField.Node, typeField.Path,
                        $"issue type {Quoted.Text(text)} is unknown (available: {QuotaIssueReader.Type}; a tariff issue has no type, a discrete issue has an id)");
                }
            }
            else if (world.InUtilityUnits)
            {
                errors.Add(item.Node, item.Path,
                    $"a scenario in units: {Scenario.UtilityUnits} has only discrete issues ({{ id, values, value }}); " +
                    "tariff issues need trade and a market model, which such a scenario has not");
            }
            else if (tariffs.Read(item) is { } issue)
            {
                issues.Add(issue);
            }
        }

        var sectors = issues.OfType<TariffIssueSpec>().Select(t => t.Sector)
            .Concat(issues.OfType<QuotaIssueSpec>().Select(q => q.Sector))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (issue, item) in discreteFields.Where(d => sectors.Contains(d.Issue.Id)))
        {
            errors.Add(item.Node, item.Path,
                $"discrete issue {Quoted.Text(issue.Id)} has the name of a sector of this negotiation's tariff issues; give it another id");
        }

        return issues;
    }
}
