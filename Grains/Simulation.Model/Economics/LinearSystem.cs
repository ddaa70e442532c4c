namespace Simulation.Model.Economics;

/// <summary>
/// Solves a small dense linear system A x = b by Gaussian elimination with partial pivoting: what
/// gsim's Newton step needs, one equation per supplier of a sector (tens, at most a few hundred).
/// </summary>
internal static class LinearSystem
{
    /// <summary>Solves in place: <paramref name="a"/> (n × n, row-major) is destroyed, <paramref name="b"/> becomes x. False if A is singular.</summary>
    public static bool TrySolve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }

            if (!(Math.Abs(a[pivot, col]) > 0) || !double.IsFinite(a[pivot, col]))
            {
                return false;
            }

            if (pivot != col)
            {
                for (var k = col; k < n; k++)
                {
                    (a[col, k], a[pivot, k]) = (a[pivot, k], a[col, k]);
                }

                (b[col], b[pivot]) = (b[pivot], b[col]);
            }

            for (var row = col + 1; row < n; row++)
            {
                var factor = a[row, col] / a[col, col];
                if (factor == 0)
                {
                    continue;
                }

                for (var k = col; k < n; k++)
                {
                    a[row, k] -= factor * a[col, k];
                }

                b[row] -= factor * b[col];
            }
        }

        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var k = row + 1; k < n; k++)
            {
                sum -= a[row, k] * b[k];
            }

            b[row] = sum / a[row, row];
        }

        return b.All(double.IsFinite);
    }
}
