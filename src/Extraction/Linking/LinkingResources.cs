using Extraction.Pipeline;

namespace Extraction.Linking;

/// <summary>The data linking uses: the gazetteer (places, transliteration schemes) and the organisation lexicon; either may be absent.</summary>
public sealed class LinkingResources
{
    public LinkingResources(Gazetteer? gazetteer, OrgLexicon? lexicon)
    {
        Gazetteer = gazetteer;
        Lexicon = lexicon;
    }

    /// <summary>No gazetteer, no lexicon: names link by their keys only.</summary>
    public static LinkingResources None { get; } = new(null, null);

    public Gazetteer? Gazetteer { get; }
    public OrgLexicon? Lexicon { get; }

    /// <summary>
    /// Loads the configured files once per process through the context's model cache. An empty path switches the
    /// resource off; a configured path that does not exist is a configuration error naming <paramref name="where"/>.
    /// </summary>
    public static LinkingResources Load(StageContext context, string? gazetteer, string? lexicon, string where)
    {
        Gazetteer? gaz = null;
        if (!string.IsNullOrEmpty(gazetteer))
            gaz = context.Cache.Get(context.ModelPath(gazetteer, where + ".gazetteer"), Linking.Gazetteer.Load);
        OrgLexicon? lex = null;
        if (!string.IsNullOrEmpty(lexicon))
        {
            var path = context.ModelPath(lexicon, where + ".lexicon");
            lex = context.Cache.Get(path + (gaz is null ? "|nogaz" : ""), _ => OrgLexicon.Load(path, gaz));
        }
        return new LinkingResources(gaz, lex);
    }
}
