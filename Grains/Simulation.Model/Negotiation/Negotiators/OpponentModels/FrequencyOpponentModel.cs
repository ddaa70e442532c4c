namespace Simulation.Model.Negotiation;

/// <summary>
/// A frequency model learnt from each other party's offers (Hindriks &amp; Tykhonov, "Opponent
/// modelling in automated multi-issue negotiation using Bayesian learning", AAMAS 2008, in the
/// simplified frequency form of the HardHeaded agent: van Krimpen, Looije &amp; Hajizadeh, ANAC 2011;
/// Baarslag et al., "Predicting the performance of opponent models", 2013). Per other party and
/// issue: how often each level was offered, and an issue weight that grows by
/// <see cref="LearningRate"/>/n whenever the level is unchanged between two consecutive offers of that
/// party (a party holds on to what matters to it), weights renormalised to sum 1. The estimated
/// value of an outcome is Σ_i w_i·e_i(level_i), e_i(level) = (1 + count)/(1 + highest count of the issue).
/// It depends on the moves only, so it survives any change of the world.
/// </summary>
public sealed class FrequencyOpponentModel : IOpponentModel
{
    public const string Name = "frequency";

    /// <summary>HardHeaded's learning coefficient (0.2), spread over the n issues.</summary>
    public const double LearningRate = 0.2;

    private readonly Dictionary<string, PartyCounts> _counts = new(StringComparer.Ordinal);
    private NegotiationView? _view;

    public static ComponentEntry<IOpponentModel> Entry { get; } =
        new(Name, "learnt from the others' offers: level frequencies and issue weights (HardHeaded)", [], _ => new FrequencyOpponentModel());

    public IReadOnlyList<AdditiveValueFunction> Estimates { get; private set; } = [];

    /// <summary>Offers learnt from, per party.</summary>
    public int OffersSeen(string party) => _counts.TryGetValue(party, out var c) ? c.Offers : 0;

    /// <summary>The issue weights learnt for a party (1/n each before two offers).</summary>
    public IReadOnlyList<double> WeightsOf(string party) => _counts[party].Weights;

    public void Reprice(NegotiationView view)
    {
        ArgumentNullException.ThrowIfNull(view);
        if (_view is not null && !_view.Space.Equals(view.Space))
        {
            throw new ArgumentException("A frequency model stays with its negotiation's space.", nameof(view));
        }

        _view = view;
        foreach (var opponent in view.Opponents)
        {
            if (!_counts.ContainsKey(opponent.Party))
            {
                _counts[opponent.Party] = new PartyCounts(view.Space);
            }
        }

        Rebuild();
    }

    public bool Observe(IReadOnlyList<TurnRecord> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var changed = false;
        foreach (var move in moves)
        {
            if (move.Action == MoveKind.Offer && move.Offer is { } offer && _counts.TryGetValue(move.Party, out var counts))
            {
                counts.Learn(offer);
                changed = true;
            }
        }

        if (changed)
        {
            Rebuild();
        }

        return changed;
    }

    private void Rebuild()
    {
        var view = _view ?? throw new InvalidOperationException("The model has no table yet.");
        Estimates = [.. view.Opponents.Select(o => _counts[o.Party].Estimate(view.Space))];
    }

    private sealed class PartyCounts
    {
        private readonly int[][] _frequency;
        private readonly double[] _weights;
        private Outcome? _last;

        public PartyCounts(OutcomeSpace space)
        {
            _frequency = [.. space.LevelCounts.Select(n => new int[n])];
            _weights = [.. Enumerable.Repeat(1.0 / space.IssueCount, space.IssueCount)];
        }

        public int Offers { get; private set; }

        public IReadOnlyList<double> Weights => _weights;

        public void Learn(Outcome offer)
        {
            if (_last is { } last)
            {
                var step = LearningRate / _weights.Length;
                for (var i = 0; i < _weights.Length; i++)
                {
                    if (offer[i] == last[i])
                    {
                        _weights[i] += step;
                    }
                }

                var sum = _weights.Sum();
                for (var i = 0; i < _weights.Length; i++)
                {
                    _weights[i] /= sum;
                }
            }

            for (var i = 0; i < _frequency.Length; i++)
            {
                _frequency[i][offer[i]]++;
            }

            _last = offer;
            Offers++;
        }

        /// <summary>e_i(level) = (1 + count)/(1 + max count); V = Σ_i w_i e_i, tabulated per group.</summary>
        public AdditiveValueFunction Estimate(OutcomeSpace space)
        {
            var evaluation = new double[_frequency.Length][];
            for (var i = 0; i < _frequency.Length; i++)
            {
                var max = _frequency[i].Max();
                evaluation[i] = [.. _frequency[i].Select(c => (1.0 + c) / (1.0 + max))];
            }

            var tables = new List<double[]>(space.Groups.Count);
            foreach (var group in space.Groups)
            {
                var table = new double[group.Size];
                for (var c = 0; c < group.Size; c++)
                {
                    var levels = group.Decode(c);
                    var value = 0.0;
                    for (var j = 0; j < levels.Length; j++)
                    {
                        var issue = group.Issues[j];
                        value += _weights[issue] * evaluation[issue][levels[j]];
                    }

                    table[c] = value;
                }

                tables.Add(table);
            }

            return new AdditiveValueFunction(space, tables);
        }
    }
}
