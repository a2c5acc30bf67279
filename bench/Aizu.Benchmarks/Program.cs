// Runs whatever --filter selects, e.g.:
//   dotnet run -c Release --project bench/Aizu.Benchmarks -- --filter '*' --join --job short
// See docs/performance.md for the figures and how they were taken.
BenchmarkSwitcher.FromAssembly(typeof(Aizu.Benchmarks.MeterAnswer).Assembly).Run(args);
