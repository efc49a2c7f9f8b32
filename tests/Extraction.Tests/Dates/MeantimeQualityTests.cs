using Extraction.Corpora;
using Extraction.Dates;
using Extraction.Tests.TestSupport;
using Xunit.Abstractions;

namespace Extraction.Tests.Dates;

/// <summary>
/// English dates against MEANTIME (all 120 documents; the grammar is hand-written, nothing is trained on them).
/// Gold: TIMEX3 of type DATE or TIME whose value is a calendar value (starts with a digit: <c>2008</c>, <c>2008-03-01</c>,
/// <c>2009-Q3</c>, <c>199</c>); the vague ones (<c>PRESENT_REF</c>, <c>XXXX-XX-XX</c>) and durations are left out on both
/// sides. Each document is anchored to its gold creation time.
/// </summary>
public sealed class MeantimeQualityTests(ITestOutputHelper output)
{
    internal static bool Calendar(string? value) => value is { Length: > 0 } v && char.IsAsciiDigit(v[0]);

    internal static DateEvaluation Evaluate(Func<Extraction.Corpora.GoldSpan, bool> gold, Func<Extraction.Documents.Mention, bool> predicted)
    {
        var eval = new DateEvaluation(gold, predicted);
        foreach (var doc in Meantime.ReadDirectory(SharedData.Path_("meantime_en", "intra-doc_annotation"))) eval.Add(doc);
        return eval;
    }

    [QualityFact]
    public void CalendarDatesSpanF1AndValues()
    {
        var eval = Evaluate(
            s => s.OriginalLabel is "DATE" or "TIME" && Calendar(s.Value),
            m => m.Source != DateSources.Duration && Calendar(m.Normal));
        var score = eval.Score;
        output.WriteLine(score.ToString());
        var dump = Environment.GetEnvironmentVariable("EXTRACTION_DATES_ERRORS");
        if (!string.IsNullOrEmpty(dump)) File.WriteAllText(Path.Combine(dump, "meantime.tsv"), eval.Errors);
        // Reported: F1 0.914, value accuracy 0.944 (see src/Extraction/Dates/README.md).
        Assert.True(score.F1 >= 0.90, score.ToString());
        Assert.True(score.ValueAccuracy >= 0.92, score.ToString());
    }
}
