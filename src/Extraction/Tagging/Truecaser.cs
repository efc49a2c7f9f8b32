using Extraction.Documents;
using Extraction.Morphology;
using Extraction.Tokenization;

namespace Extraction.Tagging;

/// <summary>
/// Gives the tagger a readable copy of sentences written without case distinctions. The tagger learnt names from
/// ordinary text, where capitals carry most of the signal; a sentence in all capitals (a headline, a telegram-style
/// dispatch) or all in lower case (chat, transcripts, careless copy) takes that signal away or turns it into noise.
/// For such sentences the copy spells every word the way ordinary text most likely would, from what the model's
/// lexicon knows of the lower-cased form: an abbreviation in capitals (<c>фсб</c> → <c>ФСБ</c>), a known name or a
/// word mostly capitalised in running text with a capital (<c>шойгу</c> → <c>Шойгу</c>), a word mostly written in lower
/// case in lower case, and the sentence's first word and a quotation's first word with a capital. The copy has the same
/// length, tokens and sentences as the document, so the tagger's token positions, and the mention ranges made from them,
/// hold for the original text; mentions are always slices of the original.
/// </summary>
public static class Truecaser
{
    /// <summary>The fewest words (two or more letters) a sentence needs before its lack of case is taken as a style.</summary>
    public const int MinWords = 3;

    private const LexBits Names = LexBits.Country | LexBits.City | LexBits.Region | LexBits.FirstName | LexBits.Surname
        | LexBits.Patronymic | LexBits.Place | LexBits.Organisation;

    /// <summary>How a sentence is cased.</summary>
    public enum SentenceCase { Ordinary, AllCaps, AllLower }

    /// <summary>
    /// <see cref="SentenceCase.AllCaps"/> when every word of two or more letters is in capitals, <see cref="SentenceCase.AllLower"/>
    /// when no word has a capital letter (one-letter words included), in both cases with at least <see cref="MinWords"/>
    /// words of two or more letters; otherwise ordinary.
    /// </summary>
    public static SentenceCase CaseOf(Document document, in Sentence sentence)
    {
        var tokens = document.Tokens.AsSpan();
        int words = 0, caps = 0, lower = 0;
        bool capital = false;
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            ref readonly var t = ref tokens[k];
            if ((t.Flags & (TokenFlags.HasCyrillic | TokenFlags.HasLatin)) == 0) continue;
            if (t.Has(TokenFlags.Capitalized)) capital = true;
            if (t.Kind is not (TokenKind.Word or TokenKind.Abbreviation) || t.Range.Length < 2) continue;
            if (t.Has(TokenFlags.AllCaps)) caps++;
            else if (t.Has(TokenFlags.Lower)) lower++;
            else return SentenceCase.Ordinary;
            words++;
        }
        if (words < MinWords) return SentenceCase.Ordinary;
        if (caps == words) return SentenceCase.AllCaps;
        // One capital anywhere (a one-letter first word: «В докладе …») is ordinary text without names.
        return lower == words && !capital ? SentenceCase.AllLower : SentenceCase.Ordinary;
    }

    /// <summary>Whether no word of two letters or more in <paramref name="document"/> has a lower-case letter (and some word exists).</summary>
    public static bool InCapitals(Document document)
    {
        bool any = false;
        foreach (ref readonly var t in document.Tokens.AsSpan())
        {
            if (t.Kind != TokenKind.Word || t.Range.Length < 2 || (t.Flags & (TokenFlags.HasCyrillic | TokenFlags.HasLatin)) == 0) continue;
            if (!t.Has(TokenFlags.AllCaps)) return false;
            any = true;
        }
        return any;
    }

    /// <summary>
    /// A copy of <paramref name="document"/> (text, tokens with their case flags recomputed, sentences, language,
    /// furniture) whose caseless sentences are respelt (and the <see cref="Document.Spelling"/> layer of the document set) with
    /// what <paramref name="wordsOf"/> gives for the sentence and its style (null: left as it is); null when the document has
    /// no caseless sentence, so ordinary text is tagged as it is.
    /// </summary>
    public static Document? Recase(Document document, Func<int, SentenceCase, Words?> wordsOf)
    {
        var spelling = Spell(document, wordsOf);
        document.Spelling = spelling;
        return spelling is null ? null : Copy(document, spelling);
    }

    /// <summary>
    /// For a grammar that reads words, not names: no lexicon and no dictionary, so the words of a sentence in capitals are
    /// spelt in lower case (Latin words of three letters or more with a capital) and the first with a capital.
    /// </summary>
    public static readonly Words Plain = new(TaggerLexicon.Empty, null);

    /// <summary>
    /// The spelling of every token of the caseless sentences <paramref name="wordsOf"/> gives words for (null: left as
    /// written), or null when there is none.
    /// </summary>
    public static TokenSpelling[]? Spell(Document document, Func<int, SentenceCase, Words?> wordsOf)
    {
        TokenSpelling[]? spelling = null;
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            var style = CaseOf(document, sentence);
            if (style == SentenceCase.Ordinary || wordsOf(s, style) is not { } words) continue;
            spelling ??= new TokenSpelling[document.Tokens.Count];
            SpellSentence(document, sentence, words, spelling);
        }
        return spelling;
    }

    /// <summary>
    /// A copy of <paramref name="document"/> with <paramref name="spelling"/> applied to its text (same length) and the
    /// tokens' case flags recomputed; tokens, sentences, language, date and furniture are the document's.
    /// </summary>
    public static Document Copy(Document document, TokenSpelling[] spelling)
    {
        var text = document.Text.ToCharArray();
        var tokens = document.Tokens.AsSpan();
        for (int k = 0; k < tokens.Length; k++)
            if (spelling[k] != TokenSpelling.AsWritten)
                TokenSpellings.Apply(document.Text.AsSpan(tokens[k].Start, tokens[k].Range.Length), spelling[k], text.AsSpan(tokens[k].Start, tokens[k].Range.Length));
        var copy = new Document(document.Id, new string(text)) { Language = document.Language, Date = document.Date };
        copy.Tokens.EnsureCapacity(tokens.Length);
        const TokenFlags caseFlags = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.Lower;
        for (int k = 0; k < tokens.Length; k++)
        {
            ref readonly var t = ref tokens[k];
            // Only a respelt token's case flags change.
            var flags = spelling[k] == TokenSpelling.AsWritten ? t.Flags
                : (t.Flags & ~caseFlags) | (Tokenizer.Describe(copy.Span(t.Range), t.Kind) & caseFlags);
            copy.Tokens.Add(new Token(t.Range, t.Kind, flags) { Sentence = t.Sentence });
        }
        copy.Sentences.AddRange(document.Sentences);
        copy.Furniture.AddRange(document.Furniture);
        return copy;
    }

    /// <summary>The months, as the dictionary spells their lemmas (a closed class).</summary>
    private static readonly HashSet<string> MonthLemmas = new(StringComparer.Ordinal)
    {
        "январь", "февраль", "март", "апрель", "май", "июнь", "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
    };

    /// <summary>The first three letters of a month's forms (lower case), so most name words skip the dictionary.</summary>
    private static bool MayBeMonth(ReadOnlySpan<char> word) =>
        word.Length is >= 3 and <= 8 && word[..3] is "янв" or "фев" or "мар" or "апр" or "мая" or "май" or "маю" or "мае" or "июн"
            or "июл" or "авг" or "сен" or "окт" or "ноя" or "дек";

    private static readonly Func<Grammemes, bool> NounOrAdjective = g => g.Has(Grammemes.Noun) || g.Has(Grammemes.Adjf);
    private static readonly Func<Grammemes, bool> PersonName = g => g.Has(Grammemes.Name) || g.Has(Grammemes.Patr);

    private static void SpellSentence(Document document, in Sentence sentence, Words words, TokenSpelling[] spelling)
    {
        var tokens = document.Tokens.AsSpan();
        Span<char> buffer = stackalloc char[64];
        bool first = true;
        int afterName = -2; // the last token spelt as a first name or patronymic
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            ref readonly var t = ref tokens[k];
            // In Russian a number opening a sentence takes the capital's place: «28 марта …», «2015 год …» (English lists
            // and results, «1. jose maria olazabal», are left to the lexicon).
            if (t.Kind == TokenKind.Number && words.Dictionary is not null) first = false;
            if ((t.Flags & (TokenFlags.HasCyrillic | TokenFlags.HasLatin)) == 0 || t.Kind is TokenKind.Url or TokenKind.Email) continue;
            if (t.Kind == TokenKind.Initial)
            {
                spelling[k] = TokenSpelling.Capitals; // В. В. ПУТИН, в. в. путин → В. В. …
                first = false;
                continue;
            }
            var written = document.Text.AsSpan(t.Start, t.Range.Length);
            var word = written.Length <= buffer.Length ? buffer[..written.Length] : new char[written.Length];
            TokenSpellings.Apply(written, TokenSpelling.Lower, word);
            // A quotation opens with a capital too (компания «газпром» → «Газпром»).
            bool opening = first || (k > sentence.FirstToken && tokens[k - 1].Has(TokenFlags.OpenQuote));
            spelling[k] = Spelling(word, words, opening, out var bits);
            // Right after a first name, a surname that is also a common word is the surname: «алексей навальный» →
            // «Алексей Навальный», «дмитрий дедов» → «Дмитрий Дедов»: a word the lexicon knows as a surname or patronymic,
            // or, in Russian, one the dictionary reads only as a noun or adjective (no verb, adverb or function word).
            if (spelling[k] == TokenSpelling.Lower && afterName == k - 1
                && ((bits & (LexBits.Surname | LexBits.Patronymic)) != 0 || words.Dictionary is { } d && d.EveryDictionaryReading(word, NounOrAdjective)))
                spelling[k] = TokenSpelling.Capitalised;
            // A first name that is no common word too (not «вера», «слава», «любовь»: «слава богу»; not «марта», a month):
            // every dictionary reading a person's name, or without a dictionary no common-word bit in the lexicon.
            if (spelling[k] == TokenSpelling.Capitalised && (bits & (LexBits.FirstName | LexBits.Patronymic)) != 0
                && (words.Dictionary is { } dictionary ? dictionary.EveryDictionaryReading(word, PersonName) : (bits & LexBits.CommonWord) == 0))
                afterName = k;
            first = false;
        }
    }

    /// <summary>
    /// What re-casing knows of words: the tagger's lexicon (names, abbreviations, how running text cases a word) and, for
    /// Russian sentences, the morphology dictionary (a Cyrillic word it does not know is taken for a name: Ермекбаев, Рокуццо).
    /// <paramref name="LatinIsForeign"/>: Latin-script words are foreign in the sentence's language (Russian), so mostly
    /// names and brands (MONSANTO, BAYER) unless the lexicon knows them as lower-case words.
    /// </summary>
    public readonly record struct Words(TaggerLexicon Lexicon, RussianMorphology? Dictionary, bool LatinIsForeign = false);

    /// <summary>
    /// The likely spelling of the lower-cased <paramref name="word"/>: capitals for an abbreviation the lexicon knows
    /// (and does not also know as a lower-case word); a capital for the first word of a sentence; lower case for a word
    /// running text mostly writes in lower case; a capital for a name the lexicon knows, a word running text mostly
    /// capitalises, and a word of three or more letters taken for a name because nothing knows it: a Cyrillic word the
    /// dictionary lacks, a Latin-script word the lexicon lacks (rare words of running text are mostly names) or, in a
    /// language written in another script, any Latin-script word not known as a lower-case word; lower case otherwise.
    /// </summary>
    public static TokenSpelling Spelling(ReadOnlySpan<char> word, in Words words, bool sentenceStart) => Spelling(word, words, sentenceStart, out _);

    /// <summary>As <see cref="Spelling(ReadOnlySpan{char}, in Words, bool)"/>, also giving the lexicon's bits of the word.</summary>
    private static TokenSpelling Spelling(ReadOnlySpan<char> word, in Words words, bool sentenceStart, out LexBits bits)
    {
        bool listed = words.Lexicon.Words.TryGet(FeatureHash.OfLower(word), out var e);
        bits = listed ? e.Bits : LexBits.None;
        if ((bits & LexBits.Abbreviation) != 0 && (bits & LexBits.MostlyLower) == 0 && word.Length <= 6) return TokenSpelling.Capitals;
        if (sentenceStart) return TokenSpelling.Capitalised;
        if ((bits & LexBits.MostlyLower) != 0) return TokenSpelling.Lower;
        if ((bits & LexBits.MostlyCapitalized) != 0) return TokenSpelling.Capitalised;
        // A month is no name, though «Марта», «Августа» and «Мая» are names too: the month is far the likelier.
        if ((bits & Names) != 0 && words.Dictionary is { } months && MayBeMonth(word) && months.HasNounLemma(word, MonthLemmas))
            return TokenSpelling.Lower;
        if ((bits & Names) != 0) return TokenSpelling.Capitalised;
        if (word.Length < 3) return TokenSpelling.Lower;
        if (CharClass.IsCyrillic(word[0]))
            return words.Dictionary is { } d && !d.IsKnown(word) ? TokenSpelling.Capitalised : TokenSpelling.Lower;
        return CharClass.IsLatin(word[0]) && (words.LatinIsForeign || !listed) ? TokenSpelling.Capitalised : TokenSpelling.Lower;
    }
}
