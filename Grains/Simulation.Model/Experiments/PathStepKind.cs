namespace Simulation.Model.Experiments;

/// <summary>What a <see cref="PathStep"/> selects.</summary>
public enum PathStepKind
{
    /// <summary>A key of a mapping.</summary>
    Key,

    /// <summary>A position in a list, from 0.</summary>
    Index,

    /// <summary>The item of a list whose <c>id</c> key has this value.</summary>
    Id,
}
