namespace Simulation.Model.Experiments;

/// <summary>
/// One step of a <see cref="ScenarioPath"/>: a mapping key (<c>countries</c>, <c>CAN</c>), a list
/// position (<c>[3]</c>, from 0), or the list item whose <c>id</c> is given (<c>[CAN-IDN]</c>).
/// </summary>
public sealed record PathStep(PathStepKind Kind, string Key, int Index)
{
    public static PathStep OfKey(string key) => new(PathStepKind.Key, key, 0);

    public static PathStep OfIndex(int index) => new(PathStepKind.Index, "", index);

    public static PathStep OfId(string id) => new(PathStepKind.Id, id, 0);
}
