namespace Simulation.Client.Listing;

/// <summary>The parts of one registry, under its title ("bidding strategies"), in declaration order.</summary>
public sealed record RegistrySection(string Title, IReadOnlyList<RegisteredPart> Parts);
