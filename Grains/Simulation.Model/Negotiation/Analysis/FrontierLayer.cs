namespace Simulation.Model.Negotiation;

/// <summary>
/// A set of value vectors during the Pareto fold, stored flat: point i has the values
/// <c>Value(i, 0 .. PartyCount − 1)</c>, and came from point <see cref="Parent"/>(i) of the previous
/// layer and combination <see cref="Choice"/>(i) of the group just added. Two ints per point per
/// group is all the fold keeps to rebuild outcomes at the end, instead of a full key per point.
/// </summary>
internal sealed class FrontierLayer
{
    private double[] _values;
    private int[] _parents;
    private int[] _choices;

    public FrontierLayer(int partyCount, int capacity = 4)
    {
        PartyCount = partyCount;
        capacity = Math.Max(capacity, 1);
        _values = new double[capacity * partyCount];
        _parents = new int[capacity];
        _choices = new int[capacity];
    }

    public int PartyCount { get; }

    public int Count { get; private set; }

    public double Value(int point, int party) => _values[point * PartyCount + party];

    public ReadOnlySpan<double> Values(int point) => _values.AsSpan(point * PartyCount, PartyCount);

    /// <summary>Every point's values, point after point (for the fold's inner loops); only the first Count·PartyCount are points.</summary>
    public double[] RawValues => _values;

    public int Parent(int point) => _parents[point];

    public int Choice(int point) => _choices[point];

    public void Add(ReadOnlySpan<double> values, int parent, int choice)
    {
        var at = Reserve();
        values.CopyTo(_values.AsSpan(at * PartyCount, PartyCount));
        _parents[at] = parent;
        _choices[at] = choice;
    }

    /// <summary><see cref="Add(ReadOnlySpan{double}, int, int)"/> for two parties.</summary>
    public void Add(double v0, double v1, int parent, int choice)
    {
        var at = Reserve();
        _values[2 * at] = v0;
        _values[2 * at + 1] = v1;
        _parents[at] = parent;
        _choices[at] = choice;
    }

    /// <summary>Point <paramref name="point"/> of <paramref name="source"/>, with its values, parent and choice.</summary>
    public void AddFrom(FrontierLayer source, int point) =>
        Add(source.Values(point), source.Parent(point), source.Choice(point));

    /// <summary>The parents, exactly <see cref="Count"/> of them (what the fold keeps of a finished layer).</summary>
    public int[] Parents() => _parents[..Count];

    /// <summary>The choices, exactly <see cref="Count"/> of them.</summary>
    public int[] Choices() => _choices[..Count];

    /// <summary>
    /// Orders points i and j: values lexicographically descending, then parent and choice
    /// ascending, so that exact ties are ordered by where they came from, never by arrival.
    /// </summary>
    public int CompareDescending(int i, int j)
    {
        for (var k = 0; k < PartyCount; k++)
        {
            var c = Value(j, k).CompareTo(Value(i, k));
            if (c != 0)
            {
                return c;
            }
        }

        return CompareOrigin(i, j);
    }

    /// <summary>Parent, then choice, ascending.</summary>
    public int CompareOrigin(int i, int j)
    {
        var c = _parents[i].CompareTo(_parents[j]);
        return c != 0 ? c : _choices[i].CompareTo(_choices[j]);
    }

    private int Reserve()
    {
        if (Count == _parents.Length)
        {
            var capacity = checked(_parents.Length * 2);
            Array.Resize(ref _values, capacity * PartyCount);
            Array.Resize(ref _parents, capacity);
            Array.Resize(ref _choices, capacity);
        }

        return Count++;
    }
}
