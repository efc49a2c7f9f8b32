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
}
