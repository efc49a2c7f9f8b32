using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Extraction.Reading;

/// <summary>
/// HTML → plain text with AngleSharp: scripts, styles, templates and hidden elements dropped, block elements as
/// line breaks, entities decoded. Offsets of the pipeline refer to this extracted text.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skip = new(StringComparer.OrdinalIgnoreCase)
    { "script", "style", "noscript", "template", "svg", "head", "iframe", "object", "canvas", "input", "select", "button", "textarea" };

    private static readonly HashSet<string> Block = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "address", "details", "summary", "caption", "form", "fieldset", "legend", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "section", "article", "header",
        "footer", "nav", "aside", "blockquote", "pre", "hr", "dd", "dt", "dl", "figure", "figcaption", "main", "title", "td", "th",
    };

    public static string Extract(string html)
    {
        var parser = new HtmlParser();
        var doc = parser.ParseDocument(html);
        var sb = new StringBuilder(html.Length / 2);
        var title = doc.Title;
        if (!string.IsNullOrWhiteSpace(title)) sb.Append(title.Trim()).Append('\n').Append('\n');
        if (doc.Body is not null) Walk(doc.Body, sb);
        return Tidy(sb);
    }

    private static void Walk(INode node, StringBuilder sb)
    {
        foreach (var child in node.ChildNodes)
        {
            if (child is IText t)
            {
                sb.Append(t.Data);
                continue;
            }
            if (child is not IElement e) continue;
            if (Skip.Contains(e.LocalName) || IsHidden(e)) continue;
            if (e.LocalName == "br")
            {
                sb.Append('\n');
                continue;
            }
            bool block = Block.Contains(e.LocalName);
            if (block) sb.Append('\n');
            Walk(e, sb);
            if (block) sb.Append('\n');
        }
    }

    private static bool IsHidden(IElement e)
    {
        if (e.HasAttribute("hidden")) return true;
        if (string.Equals(e.GetAttribute("aria-hidden"), "true", StringComparison.OrdinalIgnoreCase)) return true;
        var style = e.GetAttribute("style");
        if (style is null) return false;
        var s = style.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant();
        return s.Contains("display:none", StringComparison.Ordinal) || s.Contains("visibility:hidden", StringComparison.Ordinal);
    }

    /// <summary>Collapses runs of spaces within lines and more than one blank line.</summary>
    private static string Tidy(StringBuilder sb)
    {
        var outp = new StringBuilder(sb.Length);
        int newlines = 0;
        bool space = false;
        for (int i = 0; i < sb.Length; i++)
        {
            char c = sb[i];
            if (c is '\n' or '\r')
            {
                newlines++;
                space = false;
                continue;
            }
            if (c is ' ' or '\t' or '\u00A0')
            {
                space = true;
                continue;
            }
            if (newlines > 0 && outp.Length > 0) outp.Append(newlines > 1 ? "\n\n" : "\n");
            else if (space && outp.Length > 0) outp.Append(' ');
            newlines = 0;
            space = false;
            outp.Append(c);
        }
        return outp.ToString();
    }
}
