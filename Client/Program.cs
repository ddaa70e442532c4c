using Simulation.Client;

return await TradeSimApp.RunAsync(args);
