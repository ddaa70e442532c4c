namespace Simulation.Model.Negotiation;

/// <summary>
/// Another party at the table as one negotiator may see it: <see cref="PublicValues"/>, its gains
/// under the public market model with its lobby weights unknown (λ = 0, DESIGN §4.4), and its true
/// <see cref="Preferences"/> and <see cref="Discount"/>, which only complete-information strategies
/// (the <c>perfect</c> opponent model, <c>backward-induction</c>) may use.
/// </summary>
public sealed record OpponentView(string Party, AdditiveValueFunction PublicValues, NegotiatorPreferences Preferences, double Discount = 1);
