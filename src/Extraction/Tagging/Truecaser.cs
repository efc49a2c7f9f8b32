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
/// case in lower case, and the sentence's first word and a quotation's first word with a capital. The copy has the same length, tokens and
/// sentences as the document, so the tagger's token positions, and the mention ranges made from them, hold for the
/// original text; mentions are always slices of the original.
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

    /// <summary>
    /// A copy of <paramref name="document"/> (text, tokens with their case flags recomputed, sentences, language,
    /// furniture) whose caseless sentences are re-cased with the lexicon of the model <paramref name="modelOf"/> gives for
    /// the sentence and its style (null: left as it is) and, for Russian, the dictionary of <paramref name="morphology"/>; null when
    /// the document has no caseless sentence, so ordinary text is tagged as it is.
    /// </summary>
    public static Document? Recase(Document document, Func<int, SentenceCase, NerModel?> modelOf, RussianMorphology? morphology)
    {
        char[]? text = null;
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sentence = document.Sentences[s];
            var style = CaseOf(document, sentence);
            if (style == SentenceCase.Ordinary || modelOf(s, style) is not { } model) continue;
            text ??= document.Text.ToCharArray();
            var words = new Words(model.Lexicon, model.Language == Language.Ru ? morphology : null);
            RecaseSentence(document, sentence, words, text);
        }
        if (text is null) return null;

        var copy = new Document(document.Id, new string(text)) { Language = document.Language, Date = document.Date };
        var tokens = document.Tokens.AsSpan();
        copy.Tokens.EnsureCapacity(tokens.Length);
        const TokenFlags caseFlags = TokenFlags.Capitalized | TokenFlags.AllCaps | TokenFlags.Lower;
        foreach (var t in tokens)
        {
            var flags = (t.Flags & ~caseFlags) | (Tokenizer.Describe(copy.Span(t.Range), t.Kind) & caseFlags);
            copy.Tokens.Add(new Token(t.Range, t.Kind, flags) { Sentence = t.Sentence });
        }
        copy.Sentences.AddRange(document.Sentences);
        copy.Furniture.AddRange(document.Furniture);
        return copy;
    }

    private static void RecaseSentence(Document document, in Sentence sentence, Words words, char[] text)
    {
        var tokens = document.Tokens.AsSpan();
        bool first = true;
        for (int k = sentence.FirstToken; k < sentence.EndToken; k++)
        {
            ref readonly var t = ref tokens[k];
            var word = text.AsSpan(t.Start, t.Range.Length);
            bool letters = (t.Flags & (TokenFlags.HasCyrillic | TokenFlags.HasLatin)) != 0;
            if (!letters) continue;
            for (int i = 0; i < word.Length; i++) word[i] = char.ToLowerInvariant(word[i]);
            // A quotation opens with a capital too (компания «газпром» → «Газпром»).
            bool opening = first || (k > sentence.FirstToken && tokens[k - 1].Has(TokenFlags.OpenQuote));
            switch (Spelling(word, words, opening))
            {
                case Case.Capitals:
                    for (int i = 0; i < word.Length; i++) word[i] = char.ToUpperInvariant(word[i]);
                    break;
                case Case.Capitalised:
                    // Every part of a hyphenated name: Нур-Султан, Санкт-Петербург.
                    for (int i = 0; i < word.Length; i++)
                        if (i == 0 || CharClass.IsWordHyphen(word[i - 1])) word[i] = char.ToUpperInvariant(word[i]);
                    break;
            }
            first = false;
        }
    }

    /// <summary>How ordinary text would spell a word.</summary>
    public enum Case { Lower, Capitalised, Capitals }

    /// <summary>
    /// What re-casing knows of words: the tagger's lexicon (names, abbreviations, how running text cases a word) and, for
    /// Russian sentences, the morphology dictionary (a Cyrillic word it does not know is taken for a name: Ермекбаев, Рокуццо).
    /// </summary>
    public readonly record struct Words(TaggerLexicon Lexicon, RussianMorphology? Dictionary);

    /// <summary>
    /// The likely spelling of the lower-cased <paramref name="word"/>: capitals for an abbreviation the lexicon knows
    /// (and does not also know as a lower-case word); a capital for the first word of a sentence; lower case for a word
    /// running text mostly writes in lower case; a capital for a name the lexicon knows, a word running text mostly
    /// capitalises, and a word of three or more letters taken for a name because nothing knows it: a Cyrillic word the
    /// dictionary lacks, a Latin-script word the lexicon lacks (rare words of running text are mostly names); lower case otherwise.
    /// </summary>
    public static Case Spelling(ReadOnlySpan<char> word, in Words words, bool sentenceStart)
    {
        bool listed = words.Lexicon.Words.TryGet(FeatureHash.OfLower(word), out var e);
        var bits = listed ? e.Bits : LexBits.None;
        if ((bits & LexBits.Abbreviation) != 0 && (bits & LexBits.MostlyLower) == 0 && word.Length <= 6) return Case.Capitals;
        if (sentenceStart) return Case.Capitalised;
        if ((bits & LexBits.MostlyLower) != 0) return Case.Lower;
        if ((bits & (Names | LexBits.MostlyCapitalized)) != 0) return Case.Capitalised;
        if (word.Length < 3) return Case.Lower;
        if (CharClass.IsCyrillic(word[0]))
            return words.Dictionary is { } d && !d.IsKnown(word) ? Case.Capitalised : Case.Lower;
        return !listed && CharClass.IsLatin(word[0]) ? Case.Capitalised : Case.Lower;
    }
}
