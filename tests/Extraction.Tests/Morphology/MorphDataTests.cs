using Extraction.Models;
using Extraction.Morphology;

namespace Extraction.Tests.Morphology;

/// <summary>The model format and analyser on a hand-built two-lexeme dictionary (no shipped model needed).</summary>
public sealed class MorphDataTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), "morph-" + Guid.NewGuid().ToString("N") + ".bin");

    public void Dispose() => File.Delete(_path);

    /// <summary>Paradigm 0: стол-like nouns (∅, а, у, ом, е); paradigm 1: ёж (whole word in the suffix, empty stem).</summary>
    private static MorphData Tiny() => new()
    {
        Tags = ["NOUN,inan,masc sing,nomn", "NOUN,inan,masc sing,gent", "NOUN,inan,masc sing,datv", "NOUN,inan,masc sing,ablt", "NOUN,inan,masc sing,loct"],
        Suffixes = ["", "а", "у", "ом", "е", "ёж", "ежа"],
        Prefixes = ["", "по", "наи"],
        ParadigmStart = [0, 5, 7],
        FormPrefix = [0, 0, 0, 0, 0, 0, 0],
        FormSuffix = [0, 1, 2, 3, 4, 5, 6],
        FormTag = [0, 1, 2, 3, 4, 0, 1],
        Stems = StringPool.From(["", "стол"]),
        LexemeParadigm = [1, 0],
        ProbabilityWords = StringPool.From(["стола"]),
        ProbabilityStart = [0, 1],
        ProbabilityTag = [1],
        ProbabilityValue = [65535],
        Endings = StringPool.From(["ом"]),
        EndingStart = [0, 1],
        EndingParadigm = [0],
        EndingForm = [3],
        EndingCount = [10],
    };

    [Fact]
    public void Round_trips_through_the_model_file_and_analyses()
    {
        Tiny().Write(_path, new { test = true });
        var morph = RussianMorphology.Load(_path);
        var p = Assert.Single(morph.Analyse("Стола"));
        Assert.Equal("стол", morph.Lemma("Стола", p));
        Assert.Equal("Столом", morph.Inflect("Стола", p, Grammemes.Ablt));
        var yo = Assert.Single(morph.Analyse("ежа"));
        Assert.Equal("ёж", morph.Lemma("ежа", yo));
        Assert.Equal("еж", morph.Inflect("ежа", yo, Grammemes.Nomn));
        var guess = Assert.Single(morph.Analyse("Бобом"));
        Assert.True(guess.IsGuess);
        Assert.Equal("Боб", morph.Inflect("Бобом", guess, Grammemes.Nomn));
    }

    [Fact]
    public void A_damaged_file_is_a_model_error_naming_the_fix()
    {
        Tiny().Write(_path, new { });
        var bytes = File.ReadAllBytes(_path);
        bytes[^3] ^= 0x55;
        File.WriteAllBytes(_path, bytes);
        var e = Assert.Throws<ModelFormatException>(() => RussianMorphology.Load(_path));
        Assert.Contains("checksum", e.Message);
    }

    [Fact]
    public void A_file_of_another_kind_is_rejected()
    {
        ModelFile.Write(_path, ModelHeader.Create("ner", "ru", 1, new { }), [1, 2, 3]);
        Assert.Throws<ModelFormatException>(() => MorphData.Read(_path));
    }
}
