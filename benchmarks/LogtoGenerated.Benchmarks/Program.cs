using BenchmarkDotNet.Running;
using LogtoGenerated.Benchmarks;

// dotnet run -c Release --project benchmarks/LogtoGenerated.Benchmarks -- --filter '*'
// dotnet run -c Release --project benchmarks/LogtoGenerated.Benchmarks -- --verify   (what each side sends, once)
if (args is ["--verify"])
{
    return await Verification.RunAsync().ConfigureAwait(false);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
