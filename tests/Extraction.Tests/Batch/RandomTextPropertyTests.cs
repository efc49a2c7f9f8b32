using System.Text;
using Extraction.Documents;
using Extraction.Pipeline;
using Xunit.Abstractions;

namespace Extraction.Tests.Batch;

/// <summary>
/// Property tests: random Unicode text (mixed scripts, control characters, lone and paired surrogates, combining marks,
/// unusual spaces and line breaks, very long tokens) through every registered stage. No stage may throw, every range
/// must lie inside the text, and every mention's text is its slice.
/// </summary>
public sealed class RandomTextPropertyTests(ITestOutputHelper output)
{
    private static readonly string[] Pieces =
    [
        "Сергей", "Шойгу", "Москва", "Минобороны", "России", "Kazakhstan", "Serik", "Akhmetov", "U.S.", "Mr.", "г.", "т.е.", "С.",
        "23.12.2015", "2022-2024", "1,6", "7,500", "+7(700) 388 81 09", "https://example.org/a?b=c", "a@b.kz", "«", "»", "\"", "(",
        ")", ".", ",", "!", "?", "…", "—", "-", "Нур-Султан", "Военно-", "ПВО", "ТАСС", "15 августа 2014", "June 23", "вчера",
        "\u0000", "\u0001", "\u001B", "\u007F", "\u0085", "\u2028", "\u2029", "\u200B", "\u200D", "\uFEFF", "\uFFFD", "\u00AD",
        "\uD800", "\uDC00", "\uDBFF\uDFFF", "😀", "👍🏽", "e\u0301", "й", "\u0410\u0306", "مرحبا", "שלום", "中文", "日本語", "한국어",
        "ℌ", "Ⅻ", "𝔸", "İ", "ß", "ﬁ", "\t", "\u00A0", "\u2009", "\u3000", "\r\n", "\n", "\r", "\n\n", " ",
    ];

    private static string RandomText(Random rng, int items)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < items; i++)
        {
            int roll = rng.Next(100);
            if (roll < 70) sb.Append(Pieces[rng.Next(Pieces.Length)]);
            else if (roll < 85) sb.Append(' ');
            else if (roll < 97) sb.Append((char)rng.Next(0, 0x10000));
            else sb.Append(new string(rng.Next(2) == 0 ? 'я' : '-', rng.Next(1, 3000)));
        }
        return sb.ToString();
    }

    /// <summary>The configured pipeline, plus every other registered stage whose needs it meets, with default options.</summary>
    private DocumentPipeline EveryStage()
    {
        var configPath = Path.Combine(TestSupport.SharedData.RepoRoot, "pipeline.json");
        var (configured, _) = PipelineFactory.Load(configPath);
        var stages = configured.Stages.ToList();
        var registry = StageCatalog.CreateDefault();
        var context = new StageContext(TestSupport.SharedData.ModelsDir);
        foreach (var name in registry.Names.Where(n => stages.All(s => s.Name != n)))
        {
            try
            {
                var stage = registry.Create(name, null, $"stage {name}", context);
                if (PipelineBuilder.CheckChain([.. stages, stage]).Count == 0) stages.Add(stage);
                else output.WriteLine($"{name}: requirements not met after the configured stages; not added");
            }
            catch (ConfigException e)
            {
                output.WriteLine($"{name}: cannot be built with default options ({e.Message}); not added");
            }
        }
        output.WriteLine("Stages: " + string.Join(" → ", stages.Select(s => s.Name)));
        return new DocumentPipeline(stages);
    }

    [Fact]
    public void RandomUnicode_ThroughEveryStage_KeepsEveryRangeInsideTheText()
    {
        var pipeline = EveryStage();
        var rng = new Random(20240607);
        int respelt = 0;
        for (int n = 0; n < 300; n++)
        {
            var text = n switch
            {
                0 => "",
                1 => new string('ж', 200_000),
                2 => string.Concat(Enumerable.Repeat("\uD800", 1000)),
                3 => new string('.', 50_000),
                _ => RandomText(rng, rng.Next(1, 600)),
            };
            // A third of the texts in capitals and a third in lower case, so the tagger's re-casing runs on them too.
            if (n >= 4) text = (n % 3) switch { 1 => text.ToUpperInvariant(), 2 => text.ToLowerInvariant(), _ => text };
            var doc = new Document($"random-{n}", text);
            try
            {
                pipeline.Process(doc);
            }
            catch (Exception e)
            {
                Assert.Fail($"document {n} ({text.Length} chars): {e.GetType().Name}: {e.Message}\n{Escape(text)}");
            }
            Check(doc, n);
            if (doc.Spelling is not null) respelt++;
        }
        Assert.True(respelt > 0, "no random document had a sentence without case: the tagger's re-casing went untested");
    }

    private static void Check(Document doc, int n)
    {
        int length = doc.Text.Length;
        void Inside(TextRange r, string what)
        {
            if (r.Start < 0 || r.End < r.Start || r.End > length) Assert.Fail($"document {n}: {what} {r} is outside a text of {length} characters");
        }

        int previousEnd = 0;
        foreach (var t in doc.Tokens.AsSpan())
        {
            Inside(t.Range, "token");
            Assert.True(t.Range.Length > 0, $"document {n}: empty token at {t.Range}");
            Assert.True(t.Range.Start >= previousEnd, $"document {n}: tokens overlap at {t.Range}");
            previousEnd = t.Range.End;
        }
        foreach (var s in doc.Sentences)
        {
            Inside(s.Range, "sentence");
            Assert.InRange(s.FirstToken, 0, doc.Tokens.Count);
            Assert.InRange(s.EndToken, s.FirstToken, doc.Tokens.Count);
        }
        foreach (var f in doc.Furniture) Inside(f, "furniture");
        if (doc.Spelling is { } spelling) Assert.Equal(doc.Tokens.Count, spelling.Length);
        if (doc.Date?.Range is { } dateRange) Inside(dateRange, "document date");
        foreach (var m in doc.Mentions)
        {
            Inside(m.Range, "mention");
            Assert.Equal(doc.Text.Substring(m.Range.Start, m.Range.Length), doc.Slice(m.Range));
            Assert.True(m.Range.Length > 0, $"document {n}: empty mention at {m.Range}");
        }
    }

    private static string Escape(string text) =>
        string.Concat(text.Take(400).Select(c => c < 32 || char.IsSurrogate(c) || c > 0x7E && char.IsControl(c) ? $"\\u{(int)c:X4}" : c.ToString()));
}
