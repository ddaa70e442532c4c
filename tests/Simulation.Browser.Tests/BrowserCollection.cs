namespace Simulation.Browser.Tests;

/// <summary>The browser tests share one silo and one browser, and run one after the other.</summary>
[CollectionDefinition(nameof(BrowserCollection))]
public sealed class BrowserCollection : ICollectionFixture<SiloWithBrowser>;
