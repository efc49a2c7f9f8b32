using Extraction.Documents;
using Extraction.Tagging;
using Extraction.Pipeline;

namespace Extraction.Dates;

/// <summary>Options of the <c>dates</c> stage.</summary>
public sealed record DatesOptions
{
    /// <summary>A fixed document date for every document (ISO, e.g. <c>2015-12-23</c>), instead of the dateline.</summary>
    public string? DocDate { get; init; }

    /// <summary>Also emit lengths of time (<c>два года</c> → <c>P2Y</c>) as DATE mentions, as NEREL annotates them.</summary>
    public bool Durations { get; init; } = true;

    /// <summary>How far from the text start (in characters) a dateline may begin.</summary>
    public int DatelineWindow { get; init; } = DocumentDateFinder.DefaultWindow;
}

/// <summary>
/// The <c>dates</c> stage: finds date expressions with <see cref="DateGrammar"/>, sets <see cref="Document.Date"/>
/// (from a provider such as <c>--doc-date</c> or metadata, else the dateline) and adds DATE mentions whose
/// <see cref="Mention.Normal"/> is a TIMEX3 value resolved against that date and whose <see cref="Mention.Source"/>
/// says how (<see cref="DateSources"/>). Nothing reads the clock.
/// </summary>
public sealed class DatesStage : IStage
{
    private readonly DatesOptions _options;
    private readonly IDocumentDateProvider? _provider;

    public DatesStage(DatesOptions options, IDocumentDateProvider? provider = null, string where = "dates")
    {
        _options = options;
        if (options.DatelineWindow < 0) throw new ConfigException($"{where}.datelineWindow: {options.DatelineWindow} is negative; use a number of characters such as {DocumentDateFinder.DefaultWindow}.");
        _provider = provider ?? (options.DocDate is { } d ? new FixedDocumentDateProvider(d, where: where + ".docDate") : null);
    }

    public string Name => "dates";
    public IReadOnlyList<string> Requires => [Layers.Tokens, Layers.Sentences];
    public IReadOnlyList<string> Provides => [Layers.DocumentDate, Layers.Dates];

    public void Process(Document document)
    {
        var matches = new List<DateMatch>();
        // The grammar's rules read case (a capitalised unit word names an event, months are lower case in Russian), so a
        // sentence in capitals is read from a copy in lower case (Latin words capitalised); ranges are the same.
        var spelling = Truecaser.Spell(document, static (_, style) => style == Truecaser.SentenceCase.AllCaps ? Truecaser.Plain : null);
        var read = spelling is null ? document : Truecaser.Copy(document, spelling);
        DateGrammar.Scan(read, matches);
        if (document.Furniture.Count > 0) matches.RemoveAll(m => InFurniture(document, m.Range));

        int dateline = -1;
        // A date given before this stage (by the user, a metadata file or a gold corpus) wins over the dateline; the
        // dateline is still located so its own mention gets the document date's value.
        var given = document.Date ?? _provider?.DateFor(document);
        var found = DocumentDateFinder.Find(read, matches, out dateline, _options.DatelineWindow);
        document.Date = given ?? found;
        if (given is not null) dateline = -1;
        TimexValue? anchor = document.Date is { } dd && TimexValue.TryParseDate(dd.Value, out var a) ? a : null;
        var resolver = new DateResolver(anchor);

        for (int i = 0; i < matches.Count; i++)
        {
            var m = matches[i];
            var (value, source) = resolver.Resolve(m.Expr);
            if (source == DateSources.Duration && !_options.Durations) continue;
            if (i == dateline && document.Date is { } date)
            {
                value = date.Value;
                if (date.Source == DocumentDateSources.DatelineYearInferred) source = DateSources.YearInferred;
            }
            document.AddMention(new Mention(m.Range, EntityType.DATE, source) { Normal = value });
        }
        document.SortMentions();
    }

    private static bool InFurniture(Document document, TextRange range)
    {
        foreach (var f in document.Furniture) if (f.Overlaps(range)) return true;
        return false;
    }
}
