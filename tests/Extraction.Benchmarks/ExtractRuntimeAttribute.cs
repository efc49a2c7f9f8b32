using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Extraction.Benchmarks;

/// <summary>
/// Runs a benchmark with the garbage collector set up as <c>extract</c> runs it (src/Extraction.Cli/Extraction.Cli.csproj):
/// workstation, non-concurrent, conserve-memory level 7, and without tiered compilation. BenchmarkDotNet's own default is
/// the concurrent collector, whose background thread competes with the workers for the two cores, so a batch measured with
/// it would not be what users run. (The benchmarks are not ReadyToRun-compiled as <c>extract</c> is; the warm-up absorbs
/// the one-time compilation.)
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly)]
public sealed class ExtractRuntimeAttribute() : JobMutatorConfigBaseAttribute(
    new Job().WithGcServer(false).WithGcConcurrent(false).WithEnvironmentVariables(
        new EnvironmentVariable("DOTNET_GCConserveMemory", "7"), new EnvironmentVariable("DOTNET_TieredCompilation", "0")));
