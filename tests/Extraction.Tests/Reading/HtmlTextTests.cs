using Extraction.Reading;

namespace Extraction.Tests.Reading;

public sealed class HtmlTextTests
{
    [Fact]
    public void ScriptsStylesAndHiddenParts_AreDropped()
    {
        var text = HtmlText.Extract(
            "<html><head><title>T</title><style>.a{}</style><script>var x = 'Шойгу';</script></head><body>" +
            "<p>Visible</p><div hidden>Hidden one</div><div style=\"display: none\">Hidden two</div>" +
            "<span aria-hidden=\"true\">Hidden three</span><noscript>No script</noscript><template>Tpl</template>" +
            "<button>Share</button><input type=\"hidden\" value=\"v\"></body></html>");
        Assert.Equal("T\n\nVisible", text);
    }

    [Fact]
    public void BlockElements_BecomeLineBreaks_InlineOnesDoNot()
    {
        var text = HtmlText.Extract("<body><h1>Title</h1><p>One <b>bold</b> <a href=\"#\">link</a>.</p><ul><li>A</li><li>B</li></ul>Line<br>break</body>");
        Assert.Equal("Title\n\nOne bold link.\n\nA\n\nB\n\nLine\nbreak", text);
    }

    [Fact]
    public void Entities_AreDecoded_AndSpacesCollapsed()
    {
        var text = HtmlText.Extract("<p>AT&amp;T &laquo;Роснефть&raquo;&nbsp;&#8212; &#x41;   B</p>");
        Assert.Equal("AT&T «Роснефть» — A B", text);
    }

    [Fact]
    public void BrokenMarkup_StillGivesText() =>
        Assert.Equal("Unclosed paragraph\n\nnext", HtmlText.Extract("<p>Unclosed <i>paragraph<p>next"));
}
