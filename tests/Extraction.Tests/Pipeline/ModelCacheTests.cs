using Extraction.Pipeline;

namespace Extraction.Tests.Pipeline;

public sealed class ModelCacheTests
{
    private sealed class Model;

    [Fact]
    public void AModelAskedForByManyThreads_IsLoadedOnce()
    {
        var cache = new ModelCache();
        int loads = 0;
        var got = new Model[8];
        Parallel.For(0, got.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => got[i] = cache.Get("m.bin", _ =>
        {
            Interlocked.Increment(ref loads);
            Thread.Sleep(20);
            return new Model();
        }));
        Assert.Equal(1, loads);
        Assert.All(got, m => Assert.Same(got[0], m));
    }

    [Fact]
    public void DifferentModels_LoadAtTheSameTime()
    {
        var cache = new ModelCache();
        using var bothInside = new Barrier(2);
        // Each loader waits for the other to be inside its load: with one lock around all loads this would time out.
        Model Load(string _) => bothInside.SignalAndWait(TimeSpan.FromSeconds(10)) ? new Model() : throw new TimeoutException("loads ran one after the other");
        Exception? error = null;
        var other = new Thread(() =>
        {
            try { cache.Get("b.bin", Load); }
            catch (Exception e) { error = e; }
        });
        other.Start();
        cache.Get("a.bin", Load);
        other.Join();
        Assert.Null(error);
    }

    [Fact]
    public void AFailedLoad_IsNotKept()
    {
        var cache = new ModelCache();
        Assert.Throws<InvalidDataException>(() => cache.Get<Model>("m.bin", _ => throw new InvalidDataException("corrupt")));
        Assert.NotNull(cache.Get("m.bin", _ => new Model()));
    }
}
