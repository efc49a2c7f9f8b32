using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

public sealed class RussianMorphologyTests
{
    private static RussianMorphology Morph => ShippedModels.Morph;

    [Fact]
    public void Analyses_a_known_word_with_corpus_probabilities()
    {
        var parses = Morph.Analyse("министерства");
        Assert.NotEmpty(parses);
        Assert.All(parses, p => Assert.False(p.IsGuess));
        Assert.Equal("министерство", Morph.Lemma("министерства", parses[0]));
        Assert.True(Morph.Tag(parses[0]).Has(Grammemes.Sing | Grammemes.Gent));
        Assert.Contains(parses, p => Morph.Tag(p).Has(Grammemes.Plur | Grammemes.Nomn));
    }

    [Fact]
    public void Matches_yo_as_ye_and_restores_dictionary_letters_in_the_lemma()
    {
        var parses = Morph.Analyse("ежа");
        Assert.Contains(parses, p => Morph.Lemma("ежа", p) == "ёж");
        Assert.Contains(Morph.Analyse("Фёдорова"), p => Morph.Lemma("Фёдорова", p) == "фёдоров");
        Assert.Contains(Morph.Analyse("Федорова"), p => Morph.Lemma("Федорова", p) == "фёдоров");
    }

    [Theory]
    [InlineData("Вооруженных", "Вооруженные")]
    [InlineData("Вооружённых", "Вооружённые")]
    [InlineData("ВООРУЖЕННЫХ", "ВООРУЖЕННЫЕ")]
    public void Inflection_keeps_the_text_spelling_and_capitalisation(string word, string expected)
    {
        var p = Morph.Analyse(word).First(p => Morph.Tag(p).Has(Grammemes.Plur | Grammemes.Gent));
        Assert.Equal(expected, Morph.Inflect(word, p, Grammemes.Nomn | Grammemes.Plur));
    }

    [Fact]
    public void A_participle_is_reinflected_within_its_own_paradigm_not_lemmatised_to_the_verb()
    {
        var p = Morph.Analyse("вооруженных").First(p => Morph.Tag(p).Has(Grammemes.Prtf));
        Assert.Equal("вооружить", Morph.Lemma("вооруженных", p));
        int form = Morph.FindForm(p.Paradigm, p.Form, Grammemes.Nomn | Grammemes.Plur);
        var tag = Morph.FormTag(p.Paradigm, form);
        Assert.True(tag.Has(Grammemes.Prtf), tag.ToString());
        Assert.Equal("вооруженные", Morph.Inflect("вооруженных", p, Grammemes.Nomn | Grammemes.Plur));
    }

    [Fact]
    public void A_surname_keeps_its_gender_in_the_nominative()
    {
        var p = Morph.Analyse("Ивановой").First(p => Morph.Tag(p).Has(Grammemes.Surn));
        Assert.Equal("иванов", Morph.Lemma("Ивановой", p));
        Assert.Equal("Иванова", Morph.Inflect("Ивановой", p, Grammemes.Nomn | Grammemes.Sing));
    }

    [Theory]
    [InlineData("Ермекбаева", "Ермекбаев")]
    [InlineData("Жаксылыковым", "Жаксылыков")]
    public void Unknown_surnames_are_guessed_from_their_ending(string word, string nominative)
    {
        Assert.False(Morph.IsKnown(word));
        var parses = Morph.Analyse(word);
        Assert.All(parses, p => Assert.True(p.IsGuess));
        var surname = parses.First(p => Morph.Tag(p).Has(Grammemes.Surn | Grammemes.Masc));
        Assert.Equal(nominative, Morph.Inflect(word, surname, Grammemes.Nomn | Grammemes.Sing));
    }

    [Fact]
    public void A_hyphenated_word_unknown_as_a_whole_is_analysed_by_its_last_part()
    {
        var p = Morph.Analyse("Нур-Султане").First(p => Morph.Tag(p).Has(Grammemes.Inan));
        Assert.Equal(4, p.Keep);
        Assert.Equal("Нур-Султан", Morph.Inflect("Нур-Султане", p, Grammemes.Nomn));
    }

    [Theory]
    [InlineData("Обамы", true, "Обама")]
    [InlineData("Ивановой", true, "Иванова")]
    [InlineData("Ивановича", true, "Иванович")]
    [InlineData("министерствами", false, "министерство")]
    [InlineData("море", false, "море")]
    public void Noun_lemmas_for_common_and_proper_nouns(string word, bool proper, string lemma) =>
        Assert.Equal(lemma, Morph.NounLemma(word, proper));

    [Fact]
    public void Analysis_fills_a_caller_buffer_without_overflow()
    {
        Span<MorphParse> one = stackalloc MorphParse[1];
        Assert.Equal(1, Morph.Analyse("стали", one));
        Assert.Equal(0, Morph.Analyse("", one));
        Assert.Equal(0, Morph.Analyse(new string('а', RussianMorphology.MaxWordLength + 1), one));
    }
}
