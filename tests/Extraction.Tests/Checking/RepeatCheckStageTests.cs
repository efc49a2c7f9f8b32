using Extraction.Checking;
using Extraction.Documents;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Checking;

public sealed class RepeatCheckStageTests
{
    private static readonly RepeatCheckStage Stage = new();

    /// <summary>Tokenizes <paramref name="text"/>, tags each of <paramref name="persons"/> (first occurrence) as PER, runs the check.</summary>
    private static string[] After(string text, params string[] persons)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.PER, 0.9f, Language.Other, persons);
        return doc.Mentions.Select(m => $"{doc.Slice(m.Range)} {m.Source}").ToArray();
    }

    [Fact]
    public void A_word_repeating_a_person_in_another_case_is_that_person()
    {
        Assert.Equal(["Джо Байдена ner", "Байден repeat-check", "Байденом repeat-check"],
            After("Поддержали Джо Байдена.\nБайден одержал победу. Встреча с Байденом прошла.", "Джо Байдена"));
    }

    [Theory]
    [InlineData("Поддержали Джо Байдена. БАЙДЕН ОДЕРЖАЛ ПОБЕДУ.")] // a word in capitals
    [InlineData("Поддержали Джо Байдена. Байденко остался.")] // no case ending of the name
    [InlineData("Поддержали Джо Байдена. Biden won.")] // Latin words are left alone
    [InlineData("Поддержали Яна Ли. Ли уехал.")] // shorter than four letters
    public void Other_words_are_left_alone(string text)
    {
        var persons = text.Contains("Яна Ли", StringComparison.Ordinal) ? new[] { "Яна Ли" } : ["Джо Байдена"];
        Assert.Equal(persons.Select(p => $"{p} ner"), After(text, persons));
    }

    [Fact]
    public void A_document_without_persons_is_not_touched() => Assert.Empty(After("Байден одержал победу."));

    [Theory]
    [InlineData("Байден", "Байдена", true)]
    [InlineData("Байденом", "Байден", true)]
    [InlineData("БАЙДЕН", "байден", true)]
    [InlineData("Байдены", "Байден", true)] // -ы is a case ending too (genitive of a name in -а)
    [InlineData("Байденом", "Байдена", false)] // two oblique forms are not compared by stem
    [InlineData("Байденко", "Байден", false)]
    [InlineData("Бай", "Байа", false)]
    public void Same_name_is_the_same_word_or_it_with_a_case_ending(string a, string b, bool same) =>
        Assert.Equal(same, RepeatCheckStage.SameName(a, b));

    /// <summary>The stage looks words up in a set of the names in lower case; that must say what <see cref="RepeatCheckStage.SameName"/> says of every pair.</summary>
    [Fact]
    public void The_name_lookup_agrees_with_same_name()
    {
        string[] words = ["Байден", "Байдена", "Байденом", "Байдену", "Байдены", "Байденко", "БАЙДЕН", "Байдене", "Путин", "Путина",
                          "Путиным", "Путиной", "Мэйа", "Мэй", "Анна", "Анны", "Анной", "Аннаа", "Иванова", "Иванову", "Ивановой"];
        Span<char> buffer = stackalloc char[66];
        foreach (var name in words)
        {
            var set = new HashSet<string>(StringComparer.Ordinal) { name.ToLowerInvariant() };
            var lookup = set.GetAlternateLookup<ReadOnlySpan<char>>();
            foreach (var word in words)
                Assert.True(RepeatCheckStage.SameName(word, name) == RepeatCheckStage.Repeats(lookup, word, buffer), $"{word} / {name}");
        }
    }

    [Theory]
    [InlineData("Писала выпускница Ма Лин (马凌) и её команда.", "Ма Лин", "马凌")]
    [InlineData("Поезд сошёл с рельсов у города Хоххайм-ам-Майн (Hochheim am Main) рядом с путями.", "Хоххайм-ам-Майн", "Hochheim am Main")]
    [InlineData("Журналист Джошуа Вольф (Joshua Wolf) вышел.", "Джошуа Вольф", "Joshua Wolf")]
    public void A_spelling_in_another_script_in_brackets_after_a_name_is_that_name(string text, string name, string spelling)
    {
        var doc = StageRun.Tagged(Stage, text, EntityType.LOC, 0.8f, Language.Ru, name);
        Assert.Equal([$"{name} ner LOC", $"{spelling} repeat-check LOC"], doc.Mentions.Select(m => $"{doc.Slice(m.Range)} {m.Source} {m.Type}"));
        Assert.Equal(0.8f, doc.Mentions[1].Confidence);
    }

    [Theory]
    [InlineData("Журналист Джошуа Вольф (журналист) вышел.")] // Cyrillic in the bracket
    [InlineData("Журналист Джошуа Вольф (USA today) вышел.")] // a lower-case word that is no connector
    [InlineData("Журналист Джошуа Вольф (born 1982) вышел.")]
    [InlineData("Журналист Джошуа Вольф (A, B) вышел.")] // a list, not one spelling
    [InlineData("Журналист Джошуа Вольф, (Joshua Wolf) вышел.")] // not right after the name
    public void Other_brackets_are_left_alone(string text) =>
        Assert.Single(StageRun.Tagged(Stage, text, EntityType.PER, 0.8f, Language.Ru, "Джошуа Вольф").Mentions);

    [Fact]
    public void A_spelling_the_tagger_found_is_kept_as_it_is()
    {
        var doc = StageRun.Tagged(Stage, "Журналист Джошуа Вольф (Joshua Wolf) вышел.", EntityType.PER, 0.8f, Language.Ru, "Джошуа Вольф", "Joshua Wolf");
        Assert.Equal(["ner", "ner"], doc.Mentions.Select(m => m.Source));
    }
}
