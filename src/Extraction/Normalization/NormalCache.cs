using System.Collections.Concurrent;
using Extraction.Documents;

namespace Extraction.Normalization;

/// <summary>
/// Memoizes normal forms: normalization is a pure function of (surface text, type), and news repeats its names
/// (the same mention form recurs across a corpus far more often than a new one appears), so a batch computes each
/// form once. Thread-safe; bounded: when it holds <see cref="Capacity"/> forms it starts afresh, so memory stays flat.
/// One table of texts per type: string keys hash and compare fast (a (type, text) tuple key costs several times more).
/// </summary>
public sealed class NormalCache(int capacity = 200_000)
{
    private ConcurrentDictionary<string, string>[] _forms = Fresh();
    // Counted here: ConcurrentDictionary.Count takes every lock of the table, which serializes the threads that call it.
    private int _count;

    public int Capacity { get; } = capacity;

    public string Get(string text, EntityType type, Func<string, EntityType, string> compute)
    {
        var forms = _forms;
        if (forms[(int)type].TryGetValue(text, out var normal)) return normal;
        normal = compute(text, type);
        if (Volatile.Read(ref _count) >= Capacity && Interlocked.CompareExchange(ref _forms, Fresh(), forms) == forms) Volatile.Write(ref _count, 0);
        if (_forms[(int)type].TryAdd(text, normal)) Interlocked.Increment(ref _count);
        return normal;
    }

    private static ConcurrentDictionary<string, string>[] Fresh() =>
        [.. Enum.GetValues<EntityType>().Select(_ => new ConcurrentDictionary<string, string>())];
}
