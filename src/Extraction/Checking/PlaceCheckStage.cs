using Extraction.Documents;
using Extraction.Linking;
using Extraction.Pipeline;

namespace Extraction.Checking;

/// <summary>Options of the <c>place-check</c> stage.</summary>
public sealed record PlaceCheckOptions
{
    /// <summary>The bilingual gazetteer (shared with the <c>link</c> stage: loaded once).</summary>
    public string Gazetteer { get; init; } = "gazetteer.bin";
}

/// <summary>
/// Retypes as LOC a tagger's person mention of two or more words that, as a whole, names a country, a region or a
/// subdivision in the gazetteer (as its name keys match it, which covers the common case endings): «Объединённые Арабские
/// Эмираты», «Коста Рика», «Коста-Рике». The tagger reads such names, unknown to it word by word, as a first name and a surname. One-word mentions are
/// left alone: many surnames are also place names (Кан, Вашингтон, Мэдисон), and the tagger weighs the context there.
/// A person mention of three or more words whose last word alone names a country is split into the person and the
/// country («после смерти Кима Чен Ира КНДР падёт»).
/// </summary>
public sealed class PlaceCheckStage : IStage
{
    public const string Source = "place-check";
    private readonly Gazetteer _gazetteer;

    public PlaceCheckStage(PlaceCheckOptions options, StageContext context)
        : this(context.Cache.Get(context.ModelPath(options.Gazetteer, "place-check.gazetteer"), Gazetteer.Load))
    {
    }

    public PlaceCheckStage(Gazetteer gazetteer) => _gazetteer = gazetteer;

    public string Name => "place-check";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Entities];
    public IReadOnlyList<string> Provides => [];

    public void Process(Document document)
    {
        var mentions = document.Mentions;
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Type != EntityType.PER) continue;
            if (IsPlace(document, m.Range))
            {
                mentions[i] = m.Retyped(EntityType.LOC, Source);
                continue;
            }
            if (TrailingCountry(document, m.Range) is not { } country) continue;
            // «Кима Чен Ира КНДР»: a person name run into the country after it (the person ends at its last word).
            int before = document.Tokens.Covering(country).First - 1;
            while (document.Tokens[before].Kind != TokenKind.Word) before--;
            var person = new TextRange(m.Range.Start, document.Tokens[before].End);
            mentions[i] = new Mention(person, EntityType.PER, m.Source, m.Confidence);
            mentions.Insert(i + 1, new Mention(country, EntityType.LOC, Source, m.Confidence));
            i++;
        }
    }

    /// <summary>
    /// The last word of a person mention of three or more words when, alone, it names a country of the gazetteer and is
    /// no name word the mention needs (its other words are two or more); null otherwise.
    /// </summary>
    private TextRange? TrailingCountry(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        if (end - first < 3) return null;
        ref readonly var last = ref document.Tokens[end - 1];
        if (last.Kind != TokenKind.Word) return null;
        if (Words(document, first, end - 1) < 2) return null;
        var text = document.Respelt(last.Range);
        return _gazetteer.Find(text) is { Kind: PlaceKind.Country } ? last.Range : null;
    }

    /// <summary>Whether the text of <paramref name="range"/> has two or more words and names a country, region or subdivision.</summary>
    internal bool IsPlace(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        int words = Words(document, first, end);
        var text = document.Respelt(range);
        if (words < 2 && !(words == 1 && text.AsSpan().IndexOfAny('-', '\u2010') > 0)) return false;
        return _gazetteer.Find(text) is { Kind: PlaceKind.Country or PlaceKind.Region or PlaceKind.Subdivision };
    }

    /// <summary>The word tokens among tokens [<paramref name="first"/>, <paramref name="end"/>).</summary>
    private static int Words(Document document, int first, int end)
    {
        int words = 0;
        for (int k = first; k < end; k++)
            if (document.Tokens[k].Kind == TokenKind.Word) words++;
        return words;
    }
}
