using Extraction.Dates;
using Extraction.Documents;
using Extraction.Tokenization;

namespace Extraction.Tests.Dates;

/// <summary>Runs tokenize + dates over a text and describes the DATE mentions as <c>span=value</c> joined by " | ".</summary>
internal static class DateTestSupport
{
    public static Document Run(string text, string? docDate = null, bool durations = true)
    {
        var doc = new Document("test", text);
        new TokenizeStage(new TokenizeOptions()).Process(doc);
        new DatesStage(new DatesOptions { DocDate = docDate, Durations = durations }).Process(doc);
        return doc;
    }

    public static string Describe(Document doc) =>
        string.Join(" | ", doc.Mentions.Where(m => m.Type == EntityType.DATE).Select(m => $"{doc.Slice(m.Range)}={m.Normal}"));

    public static string Found(string text, string? docDate = null, bool durations = true) => Describe(Run(text, docDate, durations));
}
