using Extraction.Documents;
using Extraction.Linking;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Linking;

/// <summary>The shipped linking resources (models/gazetteer.bin, models/org-lexicon.tsv), loaded once for all tests.</summary>
public static class LinkingFixture
{
    private static readonly Lazy<LinkingResources> Lazy = new(() =>
    {
        var gaz = Gazetteer.Load(Path.Combine(SharedData.ModelsDir, "gazetteer.bin"));
        return new LinkingResources(gaz, OrgLexicon.Load(Path.Combine(SharedData.ModelsDir, "org-lexicon.tsv"), gaz));
    });

    public static LinkingResources Resources => Lazy.Value;

    /// <summary>A document with the given mentions: (surface, type, normal form or null), each marked at every occurrence.</summary>
    public static Document Annotate(string id, string text, params (string Surface, EntityType Type, string? Normal)[] names)
    {
        var doc = new Document(id, text);
        var taken = new bool[text.Length];
        foreach (var (surface, type, normal) in names.OrderByDescending(n => n.Surface.Length))
        {
            for (int at = text.IndexOf(surface, StringComparison.Ordinal); at >= 0; at = text.IndexOf(surface, at + 1, StringComparison.Ordinal))
            {
                int end = at + surface.Length;
                bool boundary = (at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (end == text.Length || !char.IsLetterOrDigit(text[end]));
                if (!boundary || taken.AsSpan(at, surface.Length).Contains(true)) continue;
                taken.AsSpan(at, surface.Length).Fill(true);
                doc.AddMention(new Mention(new TextRange(at, end), type, "test") { Normal = normal });
            }
        }
        doc.SortMentions();
        return doc;
    }
}
