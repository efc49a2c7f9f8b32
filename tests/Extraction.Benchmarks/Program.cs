using BenchmarkDotNet.Running;

namespace Extraction.Benchmarks;

/// <summary>
/// Run with: <c>dotnet run -c Release --project tests/Extraction.Benchmarks -- --filter '*'</c>
/// (or a class name, e.g. <c>--filter '*Tokenizer*'</c>). Benchmarks use the seeds and shipped models only.
/// </summary>
public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
