using System.Text.Json;
using Extraction.Linking;
using Extraction.Tests.TestSupport;
using Xunit.Abstractions;

namespace Extraction.Tests.Linking;

/// <summary>The compiled transliteration schemes against iuliia's own samples, and the folded keys against the schemes.</summary>
public class TranslitQualityTests(ITestOutputHelper output)
{
    [QualityFact]
    public void Compiled_schemes_reproduce_the_iuliia_samples()
    {
        var gaz = LinkingFixture.Resources.Gazetteer!;
        int total = 0, wrong = 0;
        foreach (var name in GazetteerBuilder.SchemeNames)
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(SharedData.Path_("translit_iuliia", "schemas", name + ".json")));
            var scheme = gaz.Scheme(name)!;
            foreach (var sample in doc.RootElement.GetProperty("samples").EnumerateArray())
            {
                total++;
                var got = scheme.Transliterate(sample[0].GetString()!);
                if (got == sample[1].GetString()) continue;
                wrong++;
                output.WriteLine($"{name}: {sample[0]} → {got}, expected {sample[1]}");
            }
        }
        output.WriteLine($"{total - wrong}/{total} samples reproduced");
        Assert.True(total > 40 && wrong <= total / 20, $"{wrong} of {total} samples differ");
    }

    /// <summary>
    /// Every Russian first and last name of factRuEval (gold nominative forms): its skeleton equals the skeleton of each
    /// scheme's Latin spelling, so English text in any of these spellings meets the Russian name.
    /// </summary>
    [QualityFact]
    public void Folded_keys_agree_across_schemes_on_real_names()
    {
        var gaz = LinkingFixture.Resources.Gazetteer!;
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(SharedData.Path_("factrueval2016", "devset"), "*.coref"))
            foreach (var line in File.ReadLines(file))
                if (line.StartsWith("firstname ", StringComparison.Ordinal) || line.StartsWith("lastname ", StringComparison.Ordinal))
                {
                    var value = line[(line.IndexOf(' ') + 1)..].Trim();
                    if (value.Length > 1 && value.Any(Extraction.Tokenization.CharClass.IsCyrillic)) names.Add(value);
                }
        int agree = 0;
        foreach (var n in names)
        {
            var key = NameKey.Of(n);
            if (GazetteerBuilder.SchemeNames.All(s => NameKey.Of(gaz.Scheme(s)!.Transliterate(n)) == key)) agree++;
            else output.WriteLine($"{n}: {key} vs {string.Join(", ", GazetteerBuilder.SchemeNames.Select(s => gaz.Scheme(s)!.Transliterate(n) + "→" + NameKey.Of(gaz.Scheme(s)!.Transliterate(n))))}");
        }
        double share = (double)agree / names.Count;
        output.WriteLine($"{agree}/{names.Count} names ({share:P1}) have one key across {string.Join(", ", GazetteerBuilder.SchemeNames)}");
        Assert.True(names.Count > 300 && share >= 0.95, $"only {share:P1} agree");
    }
}
