using System.IO.Compression;
using System.Text;
using Extraction.Models;

namespace Extraction.Morphology;

/// <summary>
/// The compiled Russian dictionary as plain arrays: what <see cref="MorphCompiler"/> produces, what the model file
/// stores, and what <see cref="RussianMorphology"/> indexes at load time.
/// A lexeme is a stem and a paradigm; form k of it is <c>Prefixes[FormPrefix[k]] + stem + Suffixes[FormSuffix[k]]</c>
/// with tag <c>Tags[FormTag[k]]</c>, for k in <c>ParadigmStart[p] .. ParadigmStart[p+1]</c>; the first form is the lemma.
/// </summary>
public sealed class MorphData
{
    public const string Kind = "morph-ru";
    public const uint FormatVersion = 1;

    public required string[] Tags { get; init; }
    public required string[] Suffixes { get; init; }
    public required string[] Prefixes { get; init; }
    public required int[] ParadigmStart { get; init; }
    public required byte[] FormPrefix { get; init; }
    public required ushort[] FormSuffix { get; init; }
    public required ushort[] FormTag { get; init; }
    /// <summary>Lexeme stems, lower case, with ё as in the dictionary.</summary>
    public required string[] Stems { get; init; }
    public required ushort[] LexemeParadigm { get; init; }
    /// <summary>Words (folded: lower case, ё → е) with corpus probabilities P(tag | word) for their tags.</summary>
    public required string[] ProbabilityWords { get; init; }
    public required int[] ProbabilityStart { get; init; }
    public required ushort[] ProbabilityTag { get; init; }
    /// <summary>P(tag | word) scaled to 0..65535.</summary>
    public required ushort[] ProbabilityValue { get; init; }
    /// <summary>Word endings (folded) for guessing unknown words, each with its most frequent (paradigm, form) pairs.</summary>
    public required string[] Endings { get; init; }
    public required int[] EndingStart { get; init; }
    public required ushort[] EndingParadigm { get; init; }
    public required ushort[] EndingForm { get; init; }
    public required ushort[] EndingCount { get; init; }

    public int ParadigmCount => ParadigmStart.Length - 1;

    /// <summary>
    /// Writes the model. Payload = a Brotli stream of (little-endian; str = BinaryWriter string, 7-bit length + UTF-8):
    /// <code>
    ///   i32 tagCount,      tagCount × str tag text ("NOUN,anim,masc sing,gent")
    ///   i32 suffixCount,   suffixCount × str suffix
    ///   i32 prefixCount,   prefixCount × str prefix ("", "по", "наи")
    ///   i32 paradigmCount, per paradigm: u16 formCount, formCount × (u8 prefix id, u16 suffix id, u16 tag id)
    ///   i32 lexemeCount,   per lexeme: str stem, u16 paradigm id            (in lemma order)
    ///   i32 wordCount,     per word: str folded word, u8 n, n × (u16 tag id, u16 P(tag|word)·65535)
    ///   i32 endingCount,   per ending: str folded ending, u8 n, n × (u16 paradigm id, u16 form index, u16 count)
    /// </code>
    /// </summary>
    public void Write(string path, object metadata)
    {
        ModelFile.Write(path, ModelHeader.Create(Kind, "ru", FormatVersion, metadata), raw =>
        {
            using var brotli = new BrotliStream(raw.BaseStream, CompressionLevel.SmallestSize, leaveOpen: true);
            using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
            WriteStrings(w, Tags);
            WriteStrings(w, Suffixes);
            WriteStrings(w, Prefixes);
            w.Write(ParadigmCount);
            for (int p = 0; p < ParadigmCount; p++)
            {
                w.Write((ushort)(ParadigmStart[p + 1] - ParadigmStart[p]));
                for (int k = ParadigmStart[p]; k < ParadigmStart[p + 1]; k++)
                {
                    w.Write(FormPrefix[k]);
                    w.Write(FormSuffix[k]);
                    w.Write(FormTag[k]);
                }
            }
            w.Write(Stems.Length);
            for (int i = 0; i < Stems.Length; i++)
            {
                w.Write(Stems[i]);
                w.Write(LexemeParadigm[i]);
            }
            w.Write(ProbabilityWords.Length);
            for (int i = 0; i < ProbabilityWords.Length; i++)
            {
                w.Write(ProbabilityWords[i]);
                w.Write((byte)(ProbabilityStart[i + 1] - ProbabilityStart[i]));
                for (int k = ProbabilityStart[i]; k < ProbabilityStart[i + 1]; k++)
                {
                    w.Write(ProbabilityTag[k]);
                    w.Write(ProbabilityValue[k]);
                }
            }
            w.Write(Endings.Length);
            for (int i = 0; i < Endings.Length; i++)
            {
                w.Write(Endings[i]);
                w.Write((byte)(EndingStart[i + 1] - EndingStart[i]));
                for (int k = EndingStart[i]; k < EndingStart[i + 1]; k++)
                {
                    w.Write(EndingParadigm[k]);
                    w.Write(EndingForm[k]);
                    w.Write(EndingCount[k]);
                }
            }
        });
    }

    /// <summary>Reads a model written by <see cref="Write"/>; format problems raise <see cref="ModelFormatException"/>.</summary>
    public static (MorphData Data, ModelHeader Header) Read(string path)
    {
        var (header, payload) = ModelFile.Read(path, Kind, FormatVersion);
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(payload, writable: false), CompressionMode.Decompress);
            using var r = new BinaryReader(new BufferedStream(brotli, 1 << 16), Encoding.UTF8);
            var tags = ReadStrings(r);
            var suffixes = ReadStrings(r);
            var prefixes = ReadStrings(r);
            int paradigms = r.ReadInt32();
            var pStart = new int[paradigms + 1];
            var fPrefix = new List<byte>();
            var fSuffix = new List<ushort>();
            var fTag = new List<ushort>();
            for (int p = 0; p < paradigms; p++)
            {
                int n = r.ReadUInt16();
                pStart[p] = fTag.Count;
                for (int k = 0; k < n; k++)
                {
                    fPrefix.Add(r.ReadByte());
                    fSuffix.Add(r.ReadUInt16());
                    fTag.Add(r.ReadUInt16());
                }
            }
            pStart[paradigms] = fTag.Count;
            int lexemes = r.ReadInt32();
            var stems = new string[lexemes];
            var lexParadigm = new ushort[lexemes];
            for (int i = 0; i < lexemes; i++)
            {
                stems[i] = r.ReadString();
                lexParadigm[i] = r.ReadUInt16();
            }
            var (words, wStart, wTag, wValue) = ReadGroups(r);
            var (endings, eStart, eParadigm, eForm, eCount) = ReadEndings(r);
            var data = new MorphData
            {
                Tags = tags, Suffixes = suffixes, Prefixes = prefixes,
                ParadigmStart = pStart, FormPrefix = [.. fPrefix], FormSuffix = [.. fSuffix], FormTag = [.. fTag],
                Stems = stems, LexemeParadigm = lexParadigm,
                ProbabilityWords = words, ProbabilityStart = wStart, ProbabilityTag = wTag, ProbabilityValue = wValue,
                Endings = endings, EndingStart = eStart, EndingParadigm = eParadigm, EndingForm = eForm, EndingCount = eCount,
            };
            data.Validate(path);
            return (data, header);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException)
        {
            throw new ModelFormatException(path, "has a damaged morphology payload", "restore the file from git or recompile it ('extract morph compile')", e);
        }
    }

    private void Validate(string path)
    {
        void Check(bool ok, string what)
        {
            if (!ok) throw new ModelFormatException(path, $"has an inconsistent morphology payload ({what})", "recompile it ('extract morph compile')");
        }
        Check(FormSuffix.All(s => s < Suffixes.Length) && FormTag.All(t => t < Tags.Length) && FormPrefix.All(p => p < Prefixes.Length), "form ids");
        Check(LexemeParadigm.All(p => p < ParadigmCount) && EndingParadigm.All(p => p < ParadigmCount), "paradigm ids");
        Check(ProbabilityTag.All(t => t < Tags.Length), "probability tag ids");
        for (int i = 0; i < EndingForm.Length; i++)
            Check(EndingForm[i] < ParadigmStart[EndingParadigm[i] + 1] - ParadigmStart[EndingParadigm[i]], "ending form index");
    }

    private static void WriteStrings(BinaryWriter w, string[] items)
    {
        w.Write(items.Length);
        foreach (var s in items) w.Write(s);
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var items = new string[r.ReadInt32()];
        for (int i = 0; i < items.Length; i++) items[i] = r.ReadString();
        return items;
    }

    private static (string[], int[], ushort[], ushort[]) ReadGroups(BinaryReader r)
    {
        int count = r.ReadInt32();
        var keys = new string[count];
        var start = new int[count + 1];
        var a = new List<ushort>();
        var b = new List<ushort>();
        for (int i = 0; i < count; i++)
        {
            keys[i] = r.ReadString();
            start[i] = a.Count;
            int n = r.ReadByte();
            for (int k = 0; k < n; k++) { a.Add(r.ReadUInt16()); b.Add(r.ReadUInt16()); }
        }
        start[count] = a.Count;
        return (keys, start, [.. a], [.. b]);
    }

    private static (string[], int[], ushort[], ushort[], ushort[]) ReadEndings(BinaryReader r)
    {
        int count = r.ReadInt32();
        var keys = new string[count];
        var start = new int[count + 1];
        var a = new List<ushort>();
        var b = new List<ushort>();
        var c = new List<ushort>();
        for (int i = 0; i < count; i++)
        {
            keys[i] = r.ReadString();
            start[i] = a.Count;
            int n = r.ReadByte();
            for (int k = 0; k < n; k++) { a.Add(r.ReadUInt16()); b.Add(r.ReadUInt16()); c.Add(r.ReadUInt16()); }
        }
        start[count] = a.Count;
        return (keys, start, [.. a], [.. b], [.. c]);
    }
}
