namespace Extraction.Tests.TestSupport;

/// <summary>
/// Tests that measure process-wide figures (managed heap, memory bounds) run in this collection: xunit runs it
/// after the parallel collections, alone, so other tests' allocations cannot leak into the measurement.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "Serial (process-wide measurements)";
}
