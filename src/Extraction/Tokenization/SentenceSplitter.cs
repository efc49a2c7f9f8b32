using Extraction.Documents;
using static Extraction.Tokenization.CharClass;

namespace Extraction.Tokenization;

/// <summary>
/// Splits the token table into sentences. A sentence ends:
/// <list type="bullet">
/// <item>after terminal punctuation (<c>. ! ? …</c>, plus closing quotes) when the next token can start a sentence;</item>
/// <item>at a line break, unless the next line visibly continues the sentence (starts lower case, or the line ends with a comma or hyphen) —
/// so headlines, datelines and list items are sentences of their own;</item>
/// <item>never after an initial (<c>С.</c>) or an abbreviation, unless the abbreviation may end a sentence
/// (<c>в 2015 г.</c> after a number) and a capitalised word follows.</item>
/// </list>
/// Sentences longer than <see cref="MaxTokens"/> are cut, so a pathological line cannot make one huge sentence.
/// </summary>
public static class SentenceSplitter
{
    public const int MaxTokens = 400;

    public static void Split(Document document) => Split(document.Text, document.Tokens, document.Sentences);

    public static void Split(string text, TokenTable table, List<Sentence> sentences)
    {
        var tokens = table.AsSpan();
        // News sentences run 15-25 tokens: room for most documents' sentences at once instead of a chain of regrowths.
        sentences.EnsureCapacity(sentences.Count + tokens.Length / 12 + 1);
        int first = 0;
        for (int i = 0; i < tokens.Length; i++)
        {
            bool last = i == tokens.Length - 1;
            if (last || i - first + 1 >= MaxTokens || EndsAfter(text, tokens, i))
            {
                Add(tokens, first, i + 1, sentences);
                first = i + 1;
            }
        }
    }

    private static void Add(Span<Token> tokens, int first, int end, List<Sentence> sentences)
    {
        int index = sentences.Count;
        for (int k = first; k < end; k++) tokens[k].Sentence = index;
        tokens[first].Flags |= TokenFlags.SentenceStart;
        sentences.Add(new Sentence(first, end, new TextRange(tokens[first].Start, tokens[end - 1].End), Language.Other));
    }

    private static bool EndsAfter(string text, Span<Token> tokens, int i)
    {
        ref readonly var t = ref tokens[i];
        ref readonly var next = ref tokens[i + 1];
        bool lineBreak = next.Has(TokenFlags.LineStart);
        var s = text.AsSpan(t.Start, t.End - t.Start);

        if (lineBreak)
        {
            // A blank line always ends the sentence.
            if (HasBlankLine(text, t.End, next.Start)) return true;
            // The line visibly continues: ends with a comma or hyphen, or the next line starts lower case.
            if (t.Kind == TokenKind.Punctuation && s.Length == 1 && s[0] is ',' or '-' or '(' or '«' or ':' or ';') return false;
            if (next.Has(TokenFlags.Lower) && next.Kind == TokenKind.Word && !IsTerminalToken(t, s)) return false;
            return true;
        }

        if (t.Kind is TokenKind.Initial) return false;
        if (t.Kind is TokenKind.Abbreviation)
        {
            var word = s[..^1];
            if (!Abbreviations.MayEndSentence(word)) return false;
            // "в 2015 г." ends a sentence only after a number and before a capitalised word; "г. Москва" does not.
            bool afterNumber = i > 0 && tokens[i - 1].Kind == TokenKind.Number;
            if ((word is "г" or "гг") && !afterNumber) return false;
            return StartsSentence(text, tokens, i + 1);
        }

        if (IsTerminalToken(t, s))
        {
            // A list number at the start of a line ("1. Main", "2) ...") is not a sentence of its own.
            if (s is "." && i > 0 && tokens[i - 1].Kind == TokenKind.Number && tokens[i - 1].Has(TokenFlags.LineStart)
                && tokens[i - 1].Range.Length <= 3 && tokens[i - 1].End == t.Start)
                return false;
            return StartsSentence(text, tokens, i + 1);
        }

        // Closing quote or bracket right after terminal punctuation: «…», — the break comes after the quote.
        if (t.Has(TokenFlags.CloseQuote) && i > 0)
        {
            ref readonly var prev = ref tokens[i - 1];
            var ps = text.AsSpan(prev.Start, prev.End - prev.Start);
            if (IsTerminalToken(prev, ps) && prev.End == t.Start) return StartsSentence(text, tokens, i + 1);
        }
        return false;
    }

    private static bool IsTerminalToken(in Token t, ReadOnlySpan<char> s) =>
        t.Kind == TokenKind.Punctuation && s.Length > 0 && IsTerminal(s[^1]);

    /// <summary>Can the token at <paramref name="j"/> begin a sentence? Capitalised word, number, quote, dash or bullet.</summary>
    private static bool StartsSentence(string text, Span<Token> tokens, int j)
    {
        ref readonly var n = ref tokens[j];
        if (n.Kind == TokenKind.Punctuation || n.Kind == TokenKind.Symbol)
        {
            // Closing quote straight after the terminal: the sentence goes on to include it.
            if (n.Has(TokenFlags.CloseQuote) && !tokens[j - 1].Has(TokenFlags.SpaceAfter)) return false;
            char c = text[n.Start];
            return n.Has(TokenFlags.OpenQuote) || c is '—' or '–' or '-' or '•' or '"' or '©' or '*';
        }
        if (n.Has(TokenFlags.Capitalized) || n.Kind is TokenKind.Number or TokenKind.Initial or TokenKind.Url or TokenKind.Phone) return true;
        // Lower-case start after a terminal: only when the text is all lower case anyway would we split; keep together.
        return false;
    }

    private static bool HasBlankLine(string text, int from, int to)
    {
        int breaks = 0;
        for (int k = from; k < to; k++)
        {
            char c = text[k];
            if (c == '\n') { if (++breaks >= 2) return true; }
            else if (c == '\r') { if (k + 1 < to && text[k + 1] == '\n') continue; if (++breaks >= 2) return true; }
            else if (!IsSpace(c)) breaks = 0;
        }
        return false;
    }
}
