using System.Collections.Immutable;

namespace Simulation.Model.Negotiation;

/// <summary>
/// A party's value V(ω) of an outcome, in money units (the scenario's unit), additive across issue
/// groups and exact within one (DESIGN §4.2): V(ω) = Σ_g values[g][group g's combination in ω].
/// Min and max are sums of per-group extremes, never a scan of the space.
/// </summary>
/// <remarks>
/// Sums always run over the groups in order, starting from 0.0, in <see cref="Value"/>,
/// <see cref="Min"/>, <see cref="Max"/> and the Pareto merge alike. Floating-point rounding is
/// monotone, so the same order guarantees Min ≤ V(ω) ≤ Max exactly and V(best) == Max bit for bit,
/// which keeps normalised utilities inside [0, 1] and lets the best outcome reach a target of 1.
/// </remarks>
public sealed class AdditiveValueFunction
{
    private readonly ImmutableArray<double>[] _tables;

    /// <param name="space">The outcome space valued.</param>
    /// <param name="groupValues">
    /// groupValues[g][c]: the value of combination c of group g (indexed as <see cref="IssueGroup.Encode"/>);
    /// finite numbers, one per combination. Copied.
    /// </param>
    public AdditiveValueFunction(OutcomeSpace space, IReadOnlyList<double[]> groupValues)
    {
        ArgumentNullException.ThrowIfNull(space);
        ArgumentNullException.ThrowIfNull(groupValues);
        if (groupValues.Count != space.Groups.Count)
        {
            throw new ArgumentException($"The space has {space.Groups.Count} groups, the values {groupValues.Count}.", nameof(groupValues));
        }

        var tables = new ImmutableArray<double>[groupValues.Count];
        double min = 0, max = 0;
        for (var g = 0; g < groupValues.Count; g++)
        {
            var group = space.Groups[g];
            var values = groupValues[g] ?? throw new ArgumentException($"No values for group {group.Key}.", nameof(groupValues));
            if (values.Length != group.Size)
            {
                throw new ArgumentException($"Group {group.Key} has {group.Size} combinations, but {values.Length} values.", nameof(groupValues));
            }

            foreach (var v in values)
            {
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"Group {group.Key} has a non-finite value {v}.", nameof(groupValues));
                }
            }

            tables[g] = ImmutableArray.Create(values);
            min += values.Min();
            max += values.Max();
        }

        Space = space;
        _tables = tables;
        GroupValues = [.. tables.Select(t => (IReadOnlyList<double>)t)];
        Min = min;
        Max = max;
    }

    public OutcomeSpace Space { get; }

    /// <summary>GroupValues[g][c]: value of combination c of group g.</summary>
    public IReadOnlyList<IReadOnlyList<double>> GroupValues { get; }

    /// <summary>The lowest V over the whole space: the sum of the per-group minima.</summary>
    public double Min { get; }

    /// <summary>The highest V over the whole space: the sum of the per-group maxima.</summary>
    public double Max { get; }

    /// <summary>Value of combination <paramref name="combination"/> of group <paramref name="group"/>.</summary>
    public double GroupValue(int group, int combination) => _tables[group][combination];

    /// <summary>V(ω): the sum over groups of the value of ω's combination in each.</summary>
    public double Value(Outcome outcome)
    {
        Space.EnsureContains(outcome);
        var value = 0.0;
        for (var g = 0; g < Space.Groups.Count; g++)
        {
            value += _tables[g][Space.Groups[g].Encode(outcome)];
        }

        return value;
    }
}
