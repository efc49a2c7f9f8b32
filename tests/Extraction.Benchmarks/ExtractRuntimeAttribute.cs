using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Jobs;

namespace Extraction.Benchmarks;

/// <summary>
/// Runs a benchmark with the garbage collector set up as <c>extract</c> runs it (src/Extraction.Cli/Extraction.Cli.csproj):
/// workstation, non-concurrent, conserve-memory level 7. BenchmarkDotNet's own default is the concurrent collector, whose
/// background thread competes with the workers for the two cores, so a batch measured with it would not be what users run.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Assembly)]
public sealed class ExtractRuntimeAttribute() : JobMutatorConfigBaseAttribute(
    new Job().WithGcServer(false).WithGcConcurrent(false).WithEnvironmentVariable("DOTNET_GCConserveMemory", "7"));
