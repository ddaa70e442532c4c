using Orleans.Dashboard;
using Simulation.Grains.Hosting;
using Simulation.Silo;
using Simulation.Silo.Live;

// A TradeSim silo with the Orleans dashboard and the live page beside it; `--help` lists the
// options. Both bind to loopback unless --dashboard-host says otherwise.
// Options come from appsettings.json beside the silo, then the environment (TradeSim__Cluster, ...),
// then the command line, as ASP.NET Core hosts are configured.
IConfigurationRoot configuration;
try
{
    configuration = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .Build();
}
catch (InvalidDataException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}

var (settings, errors, help) = SiloCommandLine.Parse(args, configuration);
if (help)
{
    Console.Out.WriteLine(SiloCommandLine.Usage);
    return 0;
}

if (settings is null)
{
    foreach (var error in errors)
    {
        Console.Error.WriteLine($"error: {error}");
    }

    Console.Error.WriteLine("See 'dotnet run --project Silo -- --help'.");
    return 2;
}

// The command line was read above; the host reads no arguments of its own.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
builder.WebHost.UseUrls($"http://{settings.DashboardHost}:{settings.DashboardPort}");

// The log follows runs: the run grain names each run's start, events, agreements and end at
// Information. Beside them the web host's per-request lines (hosting, routing), the dashboard's
// own, the runtime's start-up dump and connection notes and the placement pipeline's line per
// activation (Polly) are noise, so only their warnings show; one line per entry keeps it readable.
builder.Logging.AddSimpleConsole(console =>
{
    console.SingleLine = true;
    console.TimestampFormat = "HH:mm:ss ";
});
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
// Until the silo is up, a failure to start is told once, by the error line below, not by the
// runtime's and the host's errors with their stack traces.
var up = false;
builder.Logging.AddFilter("Orleans", level => up && level >= LogLevel.Warning);
builder.Logging.AddFilter("Microsoft.Extensions.Hosting", level => up && level >= LogLevel.Warning);
builder.Logging.AddFilter("Polly", LogLevel.Warning);
builder.UseOrleans(silo =>
{
    silo.UseTradeSim(settings.Silo);
    silo.AddDashboard();
});

// Record call statistics all the time, not only while a browser polls the dashboard, so a
// run that finished before the page was opened still shows up.
builder.Services.Configure<GrainProfilerOptions>(profiler => profiler.TraceAlways = true);

// The live page: this silo's copy of the runs directory (registering the page's address there, so
// the CLI can print it) and the runs its browsers watch. Added after the silo, so it starts after it.
var page = LivePages.For(settings.DashboardHost, settings.DashboardPort);
builder.Services.AddSingleton(page);
builder.Services.AddSingleton<RunsHub>();
builder.Services.AddHostedService(services => services.GetRequiredService<RunsHub>());
builder.Services.AddSingleton<RunFeeds>();

var app = builder.Build();
app.MapGet("/", () => Results.Redirect("/dashboard"));
app.MapOrleansDashboard("/dashboard");
app.MapLive();

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation(
        "TradeSim silo up{Cluster}: silo port {SiloPort}, gateway {Address}:{GatewayPort}, live page {LivePage}, dashboard {Dashboard}. Ctrl-C stops it.",
        settings.Silo.Cluster is { } cluster ? $" in the cluster at {cluster}" : "",
        settings.Silo.SiloPort, settings.Silo.AdvertisedAddress, settings.Silo.GatewayPort, page.LiveUrl, page.DashboardUrl));

try
{
    await app.StartAsync();
    up = true;
}
catch (Exception error)
{
    // DESIGN §8: a silo that cannot start (its Redis is not there, a port is taken) says why in
    // one line and exits, rather than leaving a stack trace or waiting.
    Console.Error.WriteLine($"error: {SiloStartFailure.Describe(error, settings.Silo)}");
    await app.DisposeAsync();
    return 1;
}

await app.WaitForShutdownAsync();
return 0;
