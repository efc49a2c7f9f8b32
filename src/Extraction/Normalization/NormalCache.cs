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
    private Table[] _forms = Fresh();
    // Counted here: ConcurrentDictionary.Count takes every lock of the table, which serializes the threads that call it.
    private int _count;

    public int Capacity { get; } = capacity;

    public string Get(string text, EntityType type, Func<string, EntityType, string> compute)
    {
        if (_forms[(int)type].Forms.TryGetValue(text, out var normal)) return normal;
        return Add(text, type, compute);
    }

    /// <summary>The same, for text that is not a string yet: a string is made only when the form is new.</summary>
    public string Get(ReadOnlySpan<char> text, EntityType type, Func<string, EntityType, string> compute)
    {
        if (_forms[(int)type].BySpan.TryGetValue(text, out var normal)) return normal;
        return Add(text.ToString(), type, compute);
    }

    private string Add(string text, EntityType type, Func<string, EntityType, string> compute)
    {
        var forms = _forms;
        var normal = compute(text, type);
        if (Volatile.Read(ref _count) >= Capacity && Interlocked.CompareExchange(ref _forms, Fresh(), forms) == forms) Volatile.Write(ref _count, 0);
        if (_forms[(int)type].Forms.TryAdd(text, normal)) Interlocked.Increment(ref _count);
        return normal;
    }

    private sealed class Table
    {
        public readonly ConcurrentDictionary<string, string> Forms = new(StringComparer.Ordinal);
        public readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan;

        public Table() => BySpan = Forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    private static Table[] Fresh() => [.. Enum.GetValues<EntityType>().Select(_ => new Table())];
}
