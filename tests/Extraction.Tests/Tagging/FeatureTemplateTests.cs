using Extraction.Tagging;

namespace Extraction.Tests.Tagging;

/// <summary>
/// One case per feature template: the template's values at token <c>ia</c> of text A and token <c>ib</c> of text B must differ
/// (the texts differ in exactly what the template looks at) or be equal (they differ only in what it ignores).
/// </summary>
public class FeatureTemplateTests
{
    public static TheoryData<string, string, int, string, int, bool> Cases => new()
    {
        { "bias", "the Moscow river", 1, "a green tree", 1, false },
        { "w0", "the Moscow river", 1, "the London river", 1, true },
        { "w0", "the Moscow river", 1, "the MOSCOW river", 1, false },
        { "w-1", "in Moscow now", 1, "at Moscow now", 1, true },
        { "w+1", "in Moscow now", 1, "in Moscow today", 1, true },
        { "w-2", "we in Moscow", 2, "they in Moscow", 2, true },
        { "w+2", "Moscow is big", 0, "Moscow is small", 0, true },
        { "w-1,w+1", "in Moscow now", 1, "in Moscow today", 1, true },
        { "w-1,w+1", "in Moscow now", 1, "in London now", 1, false },
        { "form0", "the Moscow river", 1, "the MOSCOW river", 1, true },
        { "w-1,w0", "in Moscow", 1, "at Moscow", 1, true },
        { "w0,w+1", "Moscow is", 0, "Moscow was", 0, true },
        { "prefix0", "the Berlin river", 1, "the Moscow river", 1, true },
        { "prefix0", "the Moscow river", 1, "the MOSCOW river", 1, false },
        { "suffix0", "Ivanov said", 0, "Ivanko said", 0, true },
        { "suffix0", "Ivanov said", 0, "Petrov said", 0, true },
        { "suffix0", "Ivanov said", 0, "IVANOV said", 0, false },
        { "suffix3-1", "Ivanov said", 1, "Petrova said", 1, true },
        { "suffix3+1", "Ivanov said", 0, "Ivanov told", 0, true },
        { "shape0", "the Moscow river", 1, "the London river", 1, false },
        { "shape0", "the Moscow river", 1, "the MOSCOW river", 1, true },
        { "shape-1", "in Moscow", 1, "In Moscow", 1, true },
        { "shape+1", "Moscow is", 0, "Moscow 1", 0, true },
        { "shape-1,0", "in Moscow", 1, "in moscow", 1, true },
        { "shape0,+1", "Moscow is", 0, "Moscow Is", 0, true },
        { "short-1,0,+1", "in Moscow is", 1, "in MOSCOW is", 1, true },
        { "short-1,0,+1", "in Moscow is", 1, "at London of", 1, false },
        { "case0", "the Moscow river", 1, "the moscow river", 1, true },
        { "case-1,0,+1", "the Moscow river", 1, "the Moscow River", 1, true },
        { "w-1,case0", "in Moscow", 1, "in moscow", 1, true },
        { "case0,w+1", "Moscow is", 0, "Moscow was", 0, true },
        { "script0", "the Moscow river", 1, "the Москва river", 1, true },
        { "length0", "the Rome river", 1, "the Moscow river", 1, true },
        { "quote0", "company «Gazprom» said", 2, "company Gazprom said", 1, true },
        { "quote-head0", "company «Gazprom» said", 2, "bank «Gazprom» said", 2, true },
        { "quote-head0", "company «Gazprom» said", 0, "bank «Gazprom» said", 0, false },
        { "gazetteer0", "in New York now", 1, "in New Yolk now", 1, true },
        { "gazetteer-1,+1", "in New York now", 2, "in New Yolk now", 2, true },
        { "lexicon0", "in Moscow now", 1, "in Mosxow now", 1, true },
        { "lexicon-1", "Moscow police", 1, "Mosxow police", 1, true },
        { "lexicon+1", "in Moscow", 0, "in Mosxow", 0, true },
        { "lexicon-1,0,+1", "in Moscow now", 2, "in Mosxow now", 2, true },
        { "cluster0", "in Moscow now", 1, "in London now", 1, true },
        { "cluster0", "in Mosxow now", 1, "in Londox now", 1, false },
        { "cluster-1", "Moscow police", 1, "London police", 1, true },
        { "cluster+1", "in Moscow", 0, "in London", 0, true },
        { "cluster-1,0", "Moscow police", 1, "London police", 1, true },
        { "evidence0", "APPLE NEWS\nWe like Apple.", 0, "APPLE NEWS\nWe like apples.", 0, true },
        { "w-3", "a b c Moscow", 3, "x b c Moscow", 3, true },
        { "w+3", "Moscow b c d", 0, "Moscow b c e", 0, true },
        { "stem-1", "ministry Gazprom", 1, "company Gazprom", 1, true },
        { "stem-1", "ministry Gazprom", 1, "ministries Gazprom", 1, false },
        { "stem+1", "Gazprom ministry", 0, "Gazprom company", 0, true },
        { "stem-2", "ministry of Gazprom", 2, "company of Gazprom", 2, true },
        { "stem-1,case0", "ministry Gazprom", 1, "ministry gazprom", 1, true },
        { "quote-head-stem0", "company «Gazprom» said", 2, "bank «Gazprom» said", 2, true },
        { "quote-head-stem0", "company «Gazprom» said", 2, "companies «Gazprom» said", 2, false },
        { "doc-word0", "Apple said and Apple rose ||ORG:0-1", 3, "Apple said and Apple rose", 3, true },
        { "doc-word0", "Applesauce said and Apples rose ||ORG:0-1", 3, "Applesauce said and Apples rose", 3, false },
        { "doc-stem0", "Applesauce said and Apples rose ||ORG:0-1", 3, "Applesauce said and Apples rose", 3, true },
        { "doc-stem0", "Apple said and Apple rose ||ORG:0-1", 3, "Apple said and Apple rose ||LOC:0-1", 3, true },
        { "doc-word-1,0,+1", "Apple said and Apple rose ||ORG:0-1", 4, "Apple said and Apple rose", 4, true },
        { "doc-token-1,0,+1", "Apple said and Apple rose ||ORG:3-4", 4, "Apple said and Apple rose ||ORG:0-1", 4, true },
        { "doc-token0,word0", "Apple said ||ORG:0-1", 0, "Apple said", 0, true },
        { "doc-token0,word0", "Apple said ||ORG:0-1", 0, "Apple said ||LOC:0-1", 0, true },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Template_reacts_to_what_it_reads(string name, string a, int ia, string b, int ib, bool different)
    {
        var template = FeatureTemplates.Get(name);
        var va = Values(template, a, ia);
        var vb = Values(template, b, ib);
        if (different) Assert.NotEqual(va, vb);
        else Assert.Equal(va, vb);
    }

    [Fact]
    public void Every_template_has_a_case_and_a_unique_name()
    {
        var covered = Cases.Select(row => (string)row[0]).ToHashSet();
        Assert.Equal(FeatureTemplates.All.Select(t => t.Name).Order(), covered.Order());
        Assert.Equal(FeatureTemplates.All.Count, FeatureTemplates.All.Select(t => t.Seed).Distinct().Count());
    }

    [Fact]
    public void Unknown_template_names_are_reported()
    {
        var e = Assert.Throws<ArgumentException>(() => FeatureTemplates.Resolve(["w0", "nope"]));
        Assert.Contains("nope", e.Message);
    }

    private static ulong[] Values(FeatureTemplate t, string text, int i)
    {
        var s = TaggingTestData.Features(text);
        Span<ulong> v = stackalloc ulong[FeatureTemplates.MaxValues];
        int n = t.Extract(s, i, v);
        return v[..n].ToArray().Select(x => FeatureHash.Mix(t.Seed, x)).Order().ToArray();
    }
}
