using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

public class NerCorpusTargetTests
{
    // The corpus writes «власти» and «полиция» in lower case mid-sentence, «Совет Федерации» capitalised.
    private static readonly CaseProfile Profile = CaseProfile.Build(
    [
        new GoldDocument("a", "Вчера власти Германии и полиция Бельгии сообщили, что власти не знают. Вчера полиция приехала.", []),
        new GoldDocument("b", "Вчера Совет Федерации одобрил закон. Вчера совет директоров собрался. Вчера совет директоров ушёл. Вчера совет решил.", []),
    ]);

    private static GoldSpan Span(string text, string part, EntityType type)
    {
        int start = text.IndexOf(part, StringComparison.Ordinal);
        return new GoldSpan(new TextRange(start, start + part.Length), type);
    }

    private static string[] Targets(string text, CaseProfile? profile, params (string Part, EntityType Type)[] spans) =>
        NerCorpus.Targets(text, spans.Select(s => Span(text, s.Part, s.Type)).ToList(), profile).Select(s => s.Range.Of(text)).ToArray();

    [Fact]
    public void Other_names_become_X_tokens_unless_lower_case_sentence_initial_nouns_or_overlapping_a_target()
    {
        const string text = "Стрельба у Кремля. Вчера концерт в Белом доме прошёл. Спаса на Крови открыли. Конкурс имени Чайковского начался. Музей открыт.";
        OtherSpan Other(string part, string label)
        {
            int at = text.IndexOf(part, StringComparison.Ordinal);
            return new OtherSpan(new TextRange(at, at + part.Length), label);
        }
        var others = new[]
        {
            Other("Стрельба", "EVENT"),                   // a sentence start capitalises any noun
            Other("Кремля", "FACILITY"),
            Other("Белом доме", "FACILITY"),
            Other("Спаса на Крови", "FACILITY"),          // sentence-initial, but «Крови» is capitalised too
            Other("Конкурс имени Чайковского", "EVENT"),  // holds a person: the person stays the target
            Other("Музей", "FACILITY"),
            Other("концерт", "EVENT"),
        };
        var targets = new[] { Span(text, "Чайковского", EntityType.PER) };
        var labels = new HashSet<string> { "FACILITY", "EVENT" };
        Assert.Equal(["Кремля", "Белом доме", "Спаса на Крови"],
            NerCorpus.OtherTargets(text, others, labels, targets).Select(r => r.Of(text)));
        Assert.Equal(["Кремля", "Белом доме"],
            NerCorpus.OtherTargets(text, others, new HashSet<string> { "FACILITY" }, targets).Select(r => r.Of(text)).Take(2));

        var doc = NerCorpus.ToDocument(new GoldDocument("d", text, targets) { Others = others }, Language.Ru, goldTokens: false);
        var bilou = NerCorpus.Labels(doc, targets, null, others, labels);
        string LabelOf(string word) => Bilou.Name(bilou[doc.Tokens.AsSpan().ToArray().ToList().FindIndex(t => doc.Slice(t.Range) == word)]);
        Assert.Equal("X", LabelOf("Кремля"));
        Assert.Equal("X", LabelOf("Белом"));
        Assert.Equal("X", LabelOf("доме"));
        Assert.Equal("O", LabelOf("Стрельба"));
        Assert.Equal("U-PER", LabelOf("Чайковского"));
        Assert.Equal("O", LabelOf("Конкурс"));
        Assert.DoesNotContain(NerCorpus.Labels(doc, targets), y => y == Bilou.Other);
    }

    [Fact]
    public void Profile_counts_mid_sentence_case_of_words_and_pairs()
    {
        Assert.True(Profile.StartsDescription("Власти", "Германии"));
        Assert.True(Profile.StartsDescription("Полиция", ""));
        Assert.False(Profile.StartsDescription("Совет", "Федерации")); // the pair is written capitalised
        Assert.True(Profile.StartsDescription("Совет", "директоров")); // the pair is written in lower case
        Assert.False(Profile.StartsDescription("Вчера", "")); // only ever seen sentence-initially
        Assert.False(Profile.StartsDescription("Д", "Медведев")); // initials are never descriptions
    }

    [Fact]
    public void Sentence_initial_description_gives_way_to_the_nested_name()
    {
        const string text = "Власти Германии сообщили об этом. Совет Федерации одобрил закон.";
        var spans = new[] { ("Власти Германии", EntityType.ORG), ("Германии", EntityType.LOC), ("Совет Федерации", EntityType.ORG) };
        Assert.Equal(["Власти Германии", "Совет Федерации"], Targets(text, null, spans));
        Assert.Equal(["Германии", "Совет Федерации"], Targets(text, Profile, spans));
    }

    [Fact]
    public void A_quoted_sentence_starts_at_its_first_word()
    {
        const string text = "Он ушёл. «Власти Германии молчат», — сказал он.";
        Assert.Equal(["Германии"], Targets(text, Profile, ("Власти Германии", EntityType.ORG), ("Германии", EntityType.LOC)));
    }

    [Fact]
    public void Only_sentence_initial_org_and_loc_spans_are_checked()
    {
        const string text = "Он сказал: «Власти Германии» и ушёл. Полиция Петрова приехала.";
        Assert.Equal(["Власти Германии", "Полиция Петрова"],
            Targets(text, Profile, ("Власти Германии", EntityType.ORG), ("Полиция Петрова", EntityType.PER)));
    }

    [Fact]
    public void Silver_sentences_are_kept_by_mode()
    {
        // 0: a matched name and a lower-case rest; 1: no name; 2: an unlisted capitalised word; 3: an event; 4: a product.
        const string text = "Вчера Джонсон уехал. Вчера все уехали. Вчера Мэй и Корбин спорили. Вчера Brexit и Джонсон. Вчера The Guardian и Джонсон.";
        GoldSpan Per(string part, int from)
        {
            int start = text.IndexOf(part, from, StringComparison.Ordinal);
            return new GoldSpan(new TextRange(start, start + part.Length), EntityType.PER);
        }
        var gold = new GoldDocument("s", text, [Per("Джонсон", 0), Per("Мэй", 0), Per("Джонсон", 60), Per("Джонсон", 90)])
        {
            Silver = new SilverMarks([Span(text, "Brexit", EntityType.ORG).Range], [Span(text, "The Guardian", EntityType.ORG).Range]),
        };
        var doc = NerCorpus.ToDocument(gold, Language.Ru, goldTokens: false);
        var labels = NerCorpus.Labels(doc, gold.Spans);
        Assert.Equal(5, doc.Sentences.Count);
        bool[] Kept(SilverSentences mode) => Enumerable.Range(0, 5).Select(i => NerCorpus.KeepSilver(doc, i, labels, gold.Silver!, mode)).ToArray();
        Assert.Equal([true, true, true, true, false], Kept(SilverSentences.All));
        Assert.Equal([true, false, true, true, false], Kept(SilverSentences.Matched));
        Assert.Equal([true, true, false, true, false], Kept(SilverSentences.Explained));
    }

    [Fact]
    public void Swapped_names_keep_type_word_count_and_ending_and_replace_a_surface_consistently()
    {
        static GoldDocument Doc(string id, string text, params (string Part, EntityType Type)[] spans) =>
            new(id, text, spans.Select(s => Span(text, s.Part, s.Type)).ToList()) { Language = Language.Ru };
        var a = Doc("a", "Иван Петров приехал в Лондоне. В Лондоне шёл дождь.", ("Иван Петров", EntityType.PER), ("Лондоне", EntityType.LOC));
        a = a with { Spans = [.. a.Spans, new GoldSpan(new TextRange(33, 40), EntityType.LOC)] };
        var b = Doc("b", "Пётр Иванов жил в Берлине и в «Газпроме».", ("Пётр Иванов", EntityType.PER), ("Берлине", EntityType.LOC), ("«Газпроме»", EntityType.ORG));
        var pool = NerCorpus.NamePool([a, b]);
        Assert.Equal(["Лондоне", "Берлине"], pool["LOC 1 не"]);
        Assert.DoesNotContain(pool.Keys, k => k.StartsWith("ORG", StringComparison.Ordinal)); // quoted names are not swapped
        var rng = new Random(3);
        GoldDocument? swapped;
        do swapped = NerCorpus.SwapNames(a, pool, rng); while (swapped is null || !swapped.Text.Contains("Берлине", StringComparison.Ordinal));
        Assert.Equal("Берлине", swapped.Text[swapped.Spans[1].Range.Start..swapped.Spans[1].Range.End]);
        Assert.Equal("Берлине", swapped.Text[swapped.Spans[2].Range.Start..swapped.Spans[2].Range.End]);
        Assert.Equal(EntityType.PER, swapped.Spans[0].Type);
        Assert.EndsWith(" шёл дождь.", swapped.Text);
    }
}
