using Orleans.Dashboard;
using Simulation.Grains.Hosting;
using Simulation.Silo;

// A TradeSim silo with the Orleans dashboard. Options (all optional):
//   --silo-port 11111 --gateway-port 30000 --dashboard-port 8080 --dashboard-host 127.0.0.1
// The dashboard binds to loopback unless --dashboard-host says otherwise.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args });
builder.Configuration.AddCommandLine(args, SiloCommandLine.SwitchMappings);
var settings = SiloCommandLine.Read(builder.Configuration);

builder.WebHost.UseUrls($"http://{settings.DashboardHost}:{settings.DashboardPort}");
builder.UseOrleans(silo =>
{
    silo.UseTradeSim(settings.Silo);
    silo.AddDashboard();
});

// Record call statistics all the time, not only while a browser polls the dashboard, so a
// run that finished before the page was opened still shows up.
builder.Services.Configure<GrainProfilerOptions>(profiler => profiler.TraceAlways = true);

var app = builder.Build();
app.MapGet("/", () => Results.Redirect("/dashboard"));
app.MapOrleansDashboard("/dashboard");

app.Lifetime.ApplicationStarted.Register(() =>
    app.Logger.LogInformation(
        "TradeSim silo up: silo port {SiloPort}, gateway 127.0.0.1:{GatewayPort}, dashboard http://{Host}:{Port}/dashboard. Ctrl-C stops it.",
        settings.Silo.SiloPort, settings.Silo.GatewayPort, settings.DashboardHost, settings.DashboardPort));

await app.RunAsync();
