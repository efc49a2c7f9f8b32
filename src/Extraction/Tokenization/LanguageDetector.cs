using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Tokenization;

/// <summary>
/// Language of a span of text: Russian, English or other. Script counts decide Cyrillic against Latin;
/// letters particular to neighbouring Cyrillic languages (Ukrainian, Kazakh, Belarusian…) and the absence of
/// common English function words in longer Latin text mark <see cref="Language.Other"/>.
/// </summary>
public static class LanguageDetector
{
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> EnglishWords =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(
            ["the", "of", "and", "to", "in", "is", "was", "for", "on", "that", "with", "by", "as", "at", "from", "it",
             "are", "be", "has", "have", "he", "his", "she", "her", "they", "this", "an", "a", "not", "or", "said", "will",
             "were", "been", "which", "their", "its", "after", "who", "but", "more", "about", "also", "we", "you", "i"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Frequent function words of other languages written in Latin script (German, French, Spanish, Italian, Portuguese, Dutch).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLatinWords =
        System.Collections.Frozen.FrozenSet.ToFrozenSet(
            ["der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "sich", "auf", "aus", "für", "von",
             "le", "les", "des", "et", "est", "une", "du", "dans", "pour", "qui", "sur", "pas", "avec",
             "el", "los", "las", "y", "es", "del", "por", "con", "una", "para", "que", "su", "se",
             "il", "di", "della", "che", "per", "non", "gli", "sono", "da", "em", "não", "uma", "os", "het", "een", "van", "niet"],
            StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Counts that decide a language; they add up over sentences to give the document's.</summary>
    public struct Evidence
    {
        public int Cyrillic, Latin, OtherLetters, NonRussianCyrillic, LatinWords, EnglishFunctionWords, OtherFunctionWords;

        public void Add(in Evidence e)
        {
            Cyrillic += e.Cyrillic; Latin += e.Latin; OtherLetters += e.OtherLetters;
            NonRussianCyrillic += e.NonRussianCyrillic; LatinWords += e.LatinWords; EnglishFunctionWords += e.EnglishFunctionWords;
            OtherFunctionWords += e.OtherFunctionWords;
        }

        public readonly Language Decide()
        {
            int letters = Cyrillic + Latin + OtherLetters;
            if (letters == 0) return Language.Other;
            if (Cyrillic >= Latin && Cyrillic >= OtherLetters)
            {
                // More than ~1.5% letters from other Cyrillic alphabets: Ukrainian, Kazakh, Belarusian, Serbian...
                return NonRussianCyrillic * 60 > Cyrillic ? Language.Other : Language.Ru;
            }
            if (Latin >= OtherLetters)
            {
                // Latin script is English unless another language's function words outnumber English ones: names,
                // headlines and score tables (no function words at all) stay English.
                return OtherFunctionWords >= 2 && OtherFunctionWords > EnglishFunctionWords ? Language.Other : Language.En;
            }
            return Language.Other;
        }
    }

    public static Evidence Measure(ReadOnlySpan<char> text, ReadOnlySpan<Token> tokens, int offset = 0)
    {
        var e = new Evidence();
        foreach (ref readonly var t in tokens)
        {
            if (t.Kind != TokenKind.Word) continue;
            var w = text.Slice(t.Start - offset, t.End - t.Start);
            bool latinWord = true;
            foreach (char c in w)
            {
                if (IsCyrillic(c))
                {
                    e.Cyrillic++;
                    latinWord = false;
                    if (c is 'і' or 'ї' or 'є' or 'ґ' or 'ә' or 'ғ' or 'қ' or 'ң' or 'ө' or 'ұ' or 'ү' or 'һ' or 'ў' or 'ј' or 'љ' or 'њ' or 'ћ' or 'џ'
                        or 'І' or 'Ї' or 'Є' or 'Ґ' or 'Ә' or 'Ғ' or 'Қ' or 'Ң' or 'Ө' or 'Ұ' or 'Ү' or 'Һ' or 'Ў' or 'Ј' or 'Љ' or 'Њ' or 'Ћ' or 'Џ')
                        e.NonRussianCyrillic++;
                }
                else if (IsLatin(c)) e.Latin++;
                else if (IsLetter(c)) { e.OtherLetters++; latinWord = false; }
            }
            if (latinWord)
            {
                e.LatinWords++;
                if (EnglishWords.Contains(w)) e.EnglishFunctionWords++;
                else if (OtherLatinWords.Contains(w)) e.OtherFunctionWords++;
            }
        }
        return e;
    }

    /// <summary>Detects the language of each sentence and of the whole document.</summary>
    public static void Detect(Document document)
    {
        var tokens = document.Tokens.AsSpan();
        var total = new Evidence();
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            var sent = document.Sentences[s];
            var e = Measure(document.Text, tokens[sent.FirstToken..sent.EndToken]);
            total.Add(e);
            document.Sentences[s] = sent with { Language = e.Decide() };
        }
        if (document.Sentences.Count == 0) total = Measure(document.Text, tokens);
        document.Language = total.Decide();
    }

    /// <summary>Language of a plain string (tokenizes it first).</summary>
    public static Language Detect(string text)
    {
        var table = new TokenTable();
        Tokenizer.Tokenize(text, table);
        return Measure(text, table.AsSpan()).Decide();
    }
}
