using Simulation.Model.Negotiation;

namespace Simulation.Model.Tests.Negotiation;

/// <summary>
/// A small two-party space with values chosen so every number in the tests can be checked by hand.
/// Issue 0 is B's tariff (levels: status quo, half cut, full cut), issue 1 is A's.
/// A gains from B's cuts [0, 4, 7] and loses from its own [0, −1, −3]; B mirrors it.
/// V_A and V_B of the 9 outcomes (level of issue 0, level of issue 1):
/// <code>
///            V_A  V_B   u_A  u_B     (u = (V + 3)/10: Vmin = −3, Vmax = 7, so r = 0.3 for both)
///   [0,0]      0    0   0.3  0.3
///   [0,1]     −1    4   0.2  0.7
///   [0,2]     −3    7   0.0  1.0
///   [1,0]      4   −1   0.7  0.2
///   [1,1]      3    3   0.6  0.6
///   [1,2]      1    6   0.4  0.9
///   [2,0]      7   −3   1.0  0.0
///   [2,1]      6    1   0.9  0.4
///   [2,2]      4    4   0.7  0.7
/// </code>
/// Pareto frontier: [2,0] [2,1] [2,2] [1,2] [0,2].
/// </summary>
internal static class HandMadeDomain
{
    public static readonly OutcomeSpace Space = OutcomeSpace.Separable(3, 3);

    public static readonly AdditiveValueFunction A = new(Space, [[0, 4, 7], [0, -1, -3]]);

    public static readonly AdditiveValueFunction B = new(Space, [[0, -1, -3], [0, 4, 7]]);
}
