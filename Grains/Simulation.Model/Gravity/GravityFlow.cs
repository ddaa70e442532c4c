namespace Simulation.Model.Gravity;

/// <summary>
/// One cell of the baseline flow matrix: the value <see cref="Exporter"/> sells to <see cref="Importer"/>
/// (X_ij; domestic sales when both are the same country) and the partial effect β_ij of the policy change
/// on that pair, so that trade costs change by τ̂_ij^(−θ) = e^β_ij. A tariff change from t0 to t1 enters as
/// β_ij = −θ·ln((1 + t1)/(1 + t0)). β must be 0 on domestic pairs.
/// </summary>
public sealed record GravityFlow(string Exporter, string Importer, double Trade, double Beta);
