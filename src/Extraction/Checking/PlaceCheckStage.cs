using Extraction.Documents;
using Extraction.Linking;
using Extraction.Pipeline;
using Extraction.Tokenization;

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
/// country («после смерти Кима Чен Ира КНДР падёт»). A person mention whose words are in two scripts keeps the run in one
/// script (the document's where there is one): «цитирует ИА Regnum Минченко» → «Минченко».
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
            if (OneScriptPart(document, m.Range) is { } part)
            {
                // «ИА Regnum Минченко», «Хвана Чжан Епа Lenta.ru»: a name is written in one script.
                m = mentions[i] = new Mention(part, EntityType.PER, m.Source, m.Confidence);
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

    /// <summary>
    /// For a person mention whose words are in two scripts, the run of words in one script that is the person: the
    /// longest run in the document's script (Cyrillic in Russian text, Latin otherwise), else the longest, the later of
    /// two as long (a name follows the agency that is quoted), abbreviations not counted; null when the mention is in one script.
    /// </summary>
    private static TextRange? OneScriptPart(Document document, TextRange range)
    {
        var (first, end) = document.Tokens.Covering(range);
        bool cyrillicText = document.Language == Language.Ru;
        int runStart = -1, runEnd = -1, runWords = 0;
        bool? runCyrillic = null;
        (int Start, int End, int Words, bool Cyrillic)? best = null;
        bool mixed = false;
        for (int k = first; k <= end; k++)
        {
            bool? cyrillic = null;
            if (k < end && document.Tokens[k].Kind == TokenKind.Word)
            {
                var word = document.Span(document.Tokens[k].Range);
                // A Roman numeral («Елизавета II», «Иоанн Павел II») belongs to the run it follows, in any script.
                if (!word.ContainsAnyExcept("IVXLCDM"))
                {
                    if (runCyrillic is not null) runEnd = k + 1;
                    continue;
                }
                foreach (var c in word)
                    if (char.IsLetter(c)) { cyrillic = CharClass.IsCyrillic(c); break; }
            }
            if (k < end && cyrillic is null) continue; // punctuation, digits: inside whatever run they are in
            if (k == end || cyrillic != runCyrillic)
            {
                if (runCyrillic is { } rc)
                {
                    var run = (runStart, runEnd, runWords, rc);
                    if (best is not { } b || Better(run, b)) best = run;
                }
                if (k == end) break;
                if (runCyrillic is not null) mixed = true;
                (runStart, runWords, runCyrillic) = (k, 0, cyrillic);
            }
            runEnd = k + 1;
            // An abbreviation («ИА», «РИА») names no person: it does not count towards the run.
            if (!document.Tokens[k].Has(TokenFlags.AllCaps)) runWords++;
        }
        if (!mixed || best is not { } kept) return null;
        return new TextRange(document.Tokens[kept.Start].Start, document.Tokens[kept.End - 1].End);

        bool Better((int Start, int End, int Words, bool Cyrillic) a, (int Start, int End, int Words, bool Cyrillic) b) =>
            a.Cyrillic == cyrillicText && b.Cyrillic != cyrillicText || a.Cyrillic == b.Cyrillic && a.Words >= b.Words;
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
