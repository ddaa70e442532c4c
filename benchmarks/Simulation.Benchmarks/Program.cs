using BenchmarkDotNet.Running;

// Runs the benchmarks the arguments select, in Release:
//   dotnet run -c Release --project benchmarks/Simulation.Benchmarks -- --filter '*'
// (--filter '*Frontier*' for one class, --list flat to list them).
BenchmarkSwitcher.FromAssembly(typeof(Simulation.Benchmarks.W1RoundLoopBenchmarks).Assembly).Run(args);
