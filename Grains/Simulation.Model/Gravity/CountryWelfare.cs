namespace Simulation.Model.Gravity;

/// <summary>
/// The general-equilibrium welfare change of a country: new over old welfare, Ê_i/P̂_i (nominal expenditure
/// change deflated by the change in the consumer price index). 1 means no change, 1.01 a 1% gain.
/// </summary>
public sealed record CountryWelfare(string Id, double Welfare);
