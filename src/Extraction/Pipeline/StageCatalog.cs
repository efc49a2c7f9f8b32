using Extraction.Checking;
using Extraction.Reading;
using Extraction.Dates;
using Extraction.Tagging;
using Extraction.Normalization;
using Extraction.Tokenization;

namespace Extraction.Pipeline;

/// <summary>
/// Every stage name the pipeline file may use, with its options record. One line per stage; each module's
/// stage class lives in its own folder (Tokenization/, Tagging/, Dates/, Normalization/, Linking/…).
/// </summary>
public static class StageCatalog
{
    public static StageRegistry CreateDefault()
    {
        var r = new StageRegistry();
        r.Add<TokenizeOptions>("tokenize", (o, _) => new TokenizeStage(o));
        r.Add<LanguageOptions>("language", (o, _) => new LanguageStage(o));
        r.Add<FurnitureOptions>("furniture", (o, _) => new FurnitureStage(o));
        r.Add<DatesOptions>("dates", (o, _) => new DatesStage(o));
        r.Add<NerOptions>("ner", (o, ctx) => new NerStage(o, ctx));
        r.Add<AdjectiveCheckOptions>("adjective-check", (o, ctx) => new AdjectiveCheckStage(o, ctx));
        r.Add<QuoteCheckOptions>("quote-check", (o, ctx) => new QuoteCheckStage(o, ctx));
        r.Add<PlaceCheckOptions>("place-check", (o, ctx) => new PlaceCheckStage(o, ctx));
        r.Add<OrgCheckOptions>("org-check", (o, ctx) => new OrgCheckStage(o, ctx));
        r.Add<RepeatCheckOptions>("repeat-check", (_, _) => new RepeatCheckStage());
        r.Add<NormalizeOptions>("normalize", (o, ctx) => new NormalizeStage(o, ctx));
        r.Add<Linking.LinkStageOptions>("link", (o, ctx) => new Linking.LinkStage(o, ctx));
        return r;
    }
}
