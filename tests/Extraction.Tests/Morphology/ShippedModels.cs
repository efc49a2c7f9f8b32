using Extraction.Morphology;
using Extraction.Normalization;
using Extraction.Tests.TestSupport;

namespace Extraction.Tests.Morphology;

/// <summary>The shipped models (models/ru-morph.bin, models/ru-names.bin), loaded once for all tests that use them.</summary>
public static class ShippedModels
{
    private static readonly Lazy<RussianMorphology> LazyMorph = new(() => RussianMorphology.Load(Path.Combine(SharedData.ModelsDir, "ru-morph.bin")));
    private static readonly Lazy<NameRules> LazyNames = new(() => NameRules.Load(Path.Combine(SharedData.ModelsDir, "ru-names.bin")));
    private static readonly Lazy<MentionNormalizer> LazyNormalizer = new(() => new MentionNormalizer(new RussianNormalizer(Morph, Names)));

    public static RussianMorphology Morph => LazyMorph.Value;
    public static NameRules Names => LazyNames.Value;
    public static MentionNormalizer Normalizer => LazyNormalizer.Value;
}
