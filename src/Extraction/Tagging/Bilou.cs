using Extraction.Documents;

namespace Extraction.Tagging;

/// <summary>
/// The BILOU label set over PER, ORG, LOC: label 0 is O, then for each type t (in <see cref="Types"/> order) the labels
/// B-t, I-t, L-t, U-t at <c>1 + 4·t + {0,1,2,3}</c>. <see cref="Allowed"/> is the transition constraint Viterbi enforces
/// (B/I must be followed by I/L of the same type; a sentence cannot start inside or end inside an entity).
/// A model may also have label <see cref="Other"/> (X, 14 labels in all): a token of a name of another kind (a facility,
/// event, work, product…), trained so that such names stop looking like organisations; it constrains like O and is never
/// a span.
/// </summary>
public static class Bilou
{
    public static readonly EntityType[] Types = [EntityType.PER, EntityType.ORG, EntityType.LOC];
    /// <summary>Labels of a BILOU model without <see cref="Other"/>.</summary>
    public const int Count = 13;
    /// <summary>Labels of a model with <see cref="Other"/>.</summary>
    public const int CountWithOther = 14;
    public const int O = 0;
    /// <summary>X: a token of another kind of name (only in models with <see cref="CountWithOther"/> labels).</summary>
    public const int Other = 13;
    /// <summary>The type index <see cref="Encode"/> takes for a span of <see cref="Other"/> tokens.</summary>
    public const int OtherType = 3;

    private const int B = 0, I = 1, L = 2, U = 3;

    public static int Label(int typeIndex, int part) => 1 + 4 * typeIndex + part;
    public static int TypeIndex(int label) => (label - 1) >> 2;
    private static int Part(int label) => (label - 1) & 3;

    public static string Name(int label) => label switch
    {
        O => "O",
        Other => "X",
        _ => $"{"BILU"[Part(label)]}-{Types[TypeIndex(label)].Code()}",
    };

    /// <summary>The label names of a model without <see cref="Other"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = NamesOf(Count);

    /// <summary>The label names of a model with <see cref="Other"/>.</summary>
    public static IReadOnlyList<string> NamesWithOther { get; } = NamesOf(CountWithOther);

    private static string[] NamesOf(int count) => Enumerable.Range(0, count).Select(Name).ToArray();

    /// <summary>The label names of a model with <paramref name="count"/> labels (13 or 14).</summary>
    public static IReadOnlyList<string> NamesFor(int count) => count == CountWithOther ? NamesWithOther : Names;

    /// <summary>True when <paramref name="label"/> continues an entity (I or L), so the previous label must open it.</summary>
    private static bool Continues(int label) => label is not (O or Other) && Part(label) is I or L;
    /// <summary>True when after <paramref name="label"/> the entity must continue (B or I).</summary>
    private static bool Open(int label) => label is not (O or Other) && Part(label) is B or I;

    public static bool CanStart(int label) => !Continues(label);
    public static bool CanEnd(int label) => !Open(label);

    public static bool Allowed(int previous, int next) =>
        Open(previous) ? Continues(next) && TypeIndex(next) == TypeIndex(previous) : !Continues(next);

    /// <summary>
    /// Writes the BILOU labels of <paramref name="spans"/> given as token index ranges [first, end) with a type index
    /// (<see cref="OtherType"/>: every token gets <see cref="Other"/>).
    /// </summary>
    public static void Encode(IEnumerable<(int First, int End, int TypeIndex)> spans, Span<int> labels)
    {
        labels.Clear();
        foreach (var (first, end, t) in spans)
        {
            if (t == OtherType) { labels[first..end].Fill(Other); continue; }
            if (end - first == 1) { labels[first] = Label(t, U); continue; }
            labels[first] = Label(t, B);
            for (int k = first + 1; k < end - 1; k++) labels[k] = Label(t, I);
            labels[end - 1] = Label(t, L);
        }
    }

    /// <summary>
    /// Reads spans (token index ranges with a type index) back from a label sequence that satisfies the constraints into
    /// <paramref name="spans"/> (cleared first; the tagger reuses one list per thread).
    /// </summary>
    public static void Decode(ReadOnlySpan<int> labels, List<(int First, int End, int TypeIndex)> spans)
    {
        spans.Clear();
        int open = -1;
        for (int k = 0; k < labels.Length; k++)
        {
            int y = labels[k];
            if (y is O or Other) { open = -1; continue; }
            switch (Part(y))
            {
                case U: spans.Add((k, k + 1, TypeIndex(y))); open = -1; break;
                case B: open = k; break;
                case L:
                    if (open >= 0) spans.Add((open, k + 1, TypeIndex(y)));
                    open = -1;
                    break;
            }
        }
    }

    /// <summary>The type index of <paramref name="type"/> in <see cref="Types"/>, or -1 (DATE is not tagged here).</summary>
    public static int IndexOf(EntityType type) => Array.IndexOf(Types, type);
}
