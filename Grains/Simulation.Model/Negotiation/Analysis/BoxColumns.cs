namespace Simulation.Model.Negotiation;

/// <summary>
/// Two-party ε-box pruning (<see cref="EpsilonBoxes"/>) without storing what is offered: per
/// column (the first party's box) the best representative so far; <see cref="Harvest"/> then sweeps
/// the columns from the highest and keeps a column iff its second-party box beats every column
/// above it. Memory is a few arrays of <see cref="EpsilonBoxes.ColumnCount"/> entries, however many
/// points are offered; <see cref="Restart"/> reuses them for the next grid.
/// </summary>
internal sealed class BoxColumns
{
    private EpsilonBoxes _grid;
    private int _count;
    private int[] _box1 = [];
    private double[] _v0 = [];
    private double[] _v1 = [];
    private int[] _parent = [];
    private int[] _choice = [];

    public BoxColumns(EpsilonBoxes grid)
    {
        _grid = grid;
        Restart(grid);
    }

    /// <summary>Forgets every point offered and starts over on <paramref name="grid"/>.</summary>
    public void Restart(EpsilonBoxes grid)
    {
        if (grid.PartyCount != 2)
        {
            throw new ArgumentException("Column pruning is for two parties.", nameof(grid));
        }

        _grid = grid;
        _count = grid.ColumnCount;
        if (_box1.Length < _count)
        {
            // The fold's grids widen step by step; growing geometrically reallocates a few times, not every step.
            var capacity = (int)Math.Min(Math.Max(_count, 2L * _box1.Length), Array.MaxLength);
            _box1 = new int[capacity];
            _v0 = new double[capacity];
            _v1 = new double[capacity];
            _parent = new int[capacity];
            _choice = new int[capacity];
        }

        Array.Fill(_box1, -1, 0, _count);
    }

    public void Offer(double v0, double v1, int parent, int choice)
    {
        // Indices stay below the column count (see EpsilonBoxes.BoxOf); the Min only guards.
        var column = Math.Min(_grid.BoxOf(v0, 0), _count - 1);
        var box1 = _grid.BoxOf(v1, 1);
        if (_box1[column] >= 0 && !Better(column, box1, v0, v1, parent, choice))
        {
            return;
        }

        _box1[column] = box1;
        _v0[column] = v0;
        _v1[column] = v1;
        _parent[column] = parent;
        _choice[column] = choice;
    }

    /// <summary>
    /// Offers every sum f + h of two two-party layers, pair (i, j) with parent i and choice j.
    /// The loop is <see cref="Offer"/> written out over local arrays: it runs once per pair of
    /// the fold, tens of millions of times for a 50-sector negotiation.
    /// </summary>
    public void OfferSums(FrontierLayer f, FrontierLayer h)
    {
        var fValues = f.RawValues;
        var hValues = h.RawValues;
        var (o0, s0, o1, s1) = (_grid.Origin(0), _grid.InverseWidth(0), _grid.Origin(1), _grid.InverseWidth(1));
        var (box1s, v0s, v1s, parents, choices) = (_box1, _v0, _v1, _parent, _choice);
        var last = _count - 1;
        for (var i = 0; i < f.Count; i++)
        {
            var f0 = fValues[2 * i];
            var f1 = fValues[2 * i + 1];
            for (var j = 0; j < h.Count; j++)
            {
                var v0 = f0 + hValues[2 * j];
                var v1 = f1 + hValues[2 * j + 1];
                var column = EpsilonBoxes.Box((v0 - o0) * s0);
                if (column > last)
                {
                    column = last;
                }

                var box1 = EpsilonBoxes.Box((v1 - o1) * s1);
                var held = box1s[column];
                if (held >= 0 && (box1 < held || (box1 == held && !Better(column, box1, v0, v1, i, j))))
                {
                    continue;
                }

                box1s[column] = box1;
                v0s[column] = v0;
                v1s[column] = v1;
                parents[column] = i;
                choices[column] = j;
            }
        }
    }

    /// <summary>The kept points, in descending order of the first party's value (ascending in the second's).</summary>
    public FrontierLayer Harvest()
    {
        // Two sweeps, the first to count, so that the layer is allocated once at its size.
        var count = 0;
        var best = -1;
        for (var column = _count - 1; column >= 0; column--)
        {
            if (_box1[column] > best)
            {
                count++;
                best = _box1[column];
            }
        }

        var kept = new FrontierLayer(2, count);
        best = -1;
        for (var column = _count - 1; column >= 0; column--)
        {
            if (_box1[column] > best)
            {
                kept.Add(_v0[column], _v1[column], _parent[column], _choice[column]);
                best = _box1[column];
            }
        }

        return kept;
    }

    /// <summary>The box's representative: highest second-party box, then values descending, then origin ascending.</summary>
    private bool Better(int column, int box1, double v0, double v1, int parent, int choice)
    {
        if (box1 != _box1[column])
        {
            return box1 > _box1[column];
        }

        if (v0 != _v0[column])
        {
            return v0 > _v0[column];
        }

        if (v1 != _v1[column])
        {
            return v1 > _v1[column];
        }

        return parent != _parent[column] ? parent < _parent[column] : choice < _choice[column];
    }
}
