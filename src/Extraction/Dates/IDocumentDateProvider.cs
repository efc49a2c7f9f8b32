using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Dates;

/// <summary>
/// Supplies a document's date from outside its text (a <c>--doc-date</c> flag, a metadata file keyed by document id).
/// A date it returns wins over the dateline; null lets the stage look in the text.
/// </summary>
public interface IDocumentDateProvider
{
    DocumentDate? DateFor(Document document);
}

/// <summary>One fixed date for every document (<c>--doc-date 2015-12-23</c>).</summary>
public sealed class FixedDocumentDateProvider : IDocumentDateProvider
{
    private readonly DocumentDate _date;

    /// <param name="value">An ISO date: <c>2015</c>, <c>2015-12</c>, <c>2015-12-23</c> or <c>2015-12-23T15:27</c>.</param>
    /// <param name="source">What to record as the date's source.</param>
    /// <param name="where">Where the value was configured, for the error message.</param>
    public FixedDocumentDateProvider(string value, string source = DocumentDateSources.User, string where = "--doc-date")
    {
        if (!TimexValue.TryParseDate(value, out var v) || v.Year is null)
            throw new ConfigException($"{where}: '{value}' is not a date; write it as ISO 8601, e.g. 2015-12-23 or 2015-12-23T15:27.");
        _date = new DocumentDate(v.ToString(), source);
    }

    public DocumentDate? DateFor(Document document) => _date;
}

/// <summary>Dates per document id (e.g. read from a metadata file by the batch); documents not listed get none.</summary>
public sealed class MapDocumentDateProvider(IReadOnlyDictionary<string, string> datesById, string source = DocumentDateSources.Metadata) : IDocumentDateProvider
{
    public DocumentDate? DateFor(Document document) =>
        datesById.TryGetValue(document.Id, out var v) && TimexValue.TryParseDate(v, out var t) && t.Year is not null
            ? new DocumentDate(t.ToString(), source)
            : null;
}
