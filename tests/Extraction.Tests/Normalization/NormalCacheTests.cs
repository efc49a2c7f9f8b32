using Extraction.Documents;
using Extraction.Normalization;

namespace Extraction.Tests.Normalization;

public class NormalCacheTests
{
    [Fact]
    public void Computes_each_text_and_type_once()
    {
        var cache = new NormalCache();
        int calls = 0;
        string Compute(string t, EntityType _) { calls++; return t.ToUpperInvariant(); }
        Assert.Equal("ШОЙГУ", cache.Get("Шойгу", EntityType.PER, Compute));
        Assert.Equal("ШОЙГУ", cache.Get("Шойгу", EntityType.PER, Compute));
        Assert.Equal(1, calls);
        cache.Get("Шойгу", EntityType.ORG, Compute);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void Stays_bounded()
    {
        var cache = new NormalCache(capacity: 10);
        for (int i = 0; i < 1000; i++) Assert.Equal("x" + i, cache.Get("x" + i, EntityType.LOC, (t, _) => t));
        int calls = 0;
        cache.Get("x999", EntityType.LOC, (t, _) => { calls++; return t; });
        Assert.Equal(0, calls);
    }
}
