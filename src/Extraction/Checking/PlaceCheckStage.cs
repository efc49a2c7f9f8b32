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
            if (m.Type != EntityType.PER || !IsPlace(document, m.Range)) continue;
            mentions[i] = new Mention(m.Range, EntityType.LOC, Source, m.Confidence);
        }
    }

    /// <summary>Whether the text of <paramref name="range"/> has two or more words and names a country, region or subdivision.</summary>
    internal bool IsPlace(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        int words = 0;
        for (int k = first; k < end; k++)
            if (document.Tokens[k].Kind == TokenKind.Word) words++;
        var text = document.Respelt(range);
        if (words < 2 && !(words == 1 && text.AsSpan().IndexOfAny('-', '\u2010') > 0)) return false;
        return _gazetteer.Find(text) is { Kind: PlaceKind.Country or PlaceKind.Region or PlaceKind.Subdivision };
    }
}
