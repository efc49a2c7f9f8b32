using Extraction.Corpora;

namespace Extraction.Evaluation;

/// <summary>
/// How <c>extract eval --case</c> rewrites gold texts before the pipeline sees them: as they are, all capitals (datelines,
/// headlines, telegram style) or all lower case (careless text, speech transcripts). The spans keep their ranges.
/// </summary>
public enum CaseVariant
{
    AsIs,
    Upper,
    Lower,
}

public static class CaseVariants
{
    public const string Names = "as-is, upper or lower";

    /// <summary>The option value that selects <paramref name="variant"/> (<c>--case</c>, baselines); null for <see cref="CaseVariant.AsIs"/>.</summary>
    public static string? Name(CaseVariant variant) => variant switch
    {
        CaseVariant.Upper => "upper",
        CaseVariant.Lower => "lower",
        _ => null,
    };

    /// <summary>The variant a baseline's or option's name selects (null = as is); unknown names are an <see cref="ArgumentException"/>.</summary>
    public static CaseVariant Parse(string? name) =>
        name is null ? CaseVariant.AsIs
        : TryParse(name, out var v) ? v
        : throw new ArgumentException($"--case {name}: unknown case; use {Names}.");

    public static bool TryParse(string name, out CaseVariant variant)
    {
        switch (name.ToLowerInvariant())
        {
            case "as-is": case "asis": case "none": variant = CaseVariant.AsIs; return true;
            case "upper": variant = CaseVariant.Upper; return true;
            case "lower": variant = CaseVariant.Lower; return true;
            default: variant = default; return false;
        }
    }

    /// <summary>
    /// The document with its text in <paramref name="variant"/>. Each UTF-16 unit is mapped on its own (invariant simple
    /// case mapping), so the text keeps its length and every gold range still covers the same words; gold tokens,
    /// sentences and normal forms are kept as they were.
    /// </summary>
    public static GoldDocument Apply(GoldDocument document, CaseVariant variant)
    {
        if (variant == CaseVariant.AsIs) return document;
        var text = string.Create(document.Text.Length, (document.Text, variant), static (span, state) =>
        {
            var (source, v) = state;
            for (int i = 0; i < span.Length; i++)
                span[i] = v == CaseVariant.Upper ? char.ToUpperInvariant(source[i]) : char.ToLowerInvariant(source[i]);
        });
        return document with { Text = text };
    }
}
