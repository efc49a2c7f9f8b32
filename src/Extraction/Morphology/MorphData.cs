using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;
using Extraction.Models;

namespace Extraction.Morphology;

/// <summary>
/// The compiled Russian dictionary as plain arrays: what <see cref="MorphCompiler"/> produces, what the model file
/// stores, and what <see cref="RussianMorphology"/> indexes at load time.
/// A lexeme is a stem and a paradigm; form k of it is <c>Prefixes[FormPrefix[k]] + stem + Suffixes[FormSuffix[k]]</c>
/// with tag <c>Tags[FormTag[k]]</c>, for k in <c>ParadigmStart[p] .. ParadigmStart[p+1]</c>; the first form is the lemma.
/// Lexemes are sorted by folded stem (lower case, ё → е), then paradigm, so equal folded stems are adjacent.
/// </summary>
public sealed class MorphData
{
    public const string Kind = "morph-ru";
    public const uint FormatVersion = 2;

    public required string[] Tags { get; init; }
    public required string[] Suffixes { get; init; }
    public required string[] Prefixes { get; init; }
    public required int[] ParadigmStart { get; init; }
    public required byte[] FormPrefix { get; init; }
    public required ushort[] FormSuffix { get; init; }
    public required ushort[] FormTag { get; init; }
    /// <summary>Lexeme stems, lower case, with ё as in the dictionary.</summary>
    public required StringPool Stems { get; init; }
    public required ushort[] LexemeParadigm { get; init; }
    /// <summary>Words (folded) with corpus probabilities P(tag | word) for their tags.</summary>
    public required StringPool ProbabilityWords { get; init; }
    public required int[] ProbabilityStart { get; init; }
    public required ushort[] ProbabilityTag { get; init; }
    /// <summary>P(tag | word) scaled to 0..65535.</summary>
    public required ushort[] ProbabilityValue { get; init; }
    /// <summary>Word endings (folded) for guessing unknown words, each with its most frequent (paradigm, form) pairs.</summary>
    public required StringPool Endings { get; init; }
    public required int[] EndingStart { get; init; }
    public required ushort[] EndingParadigm { get; init; }
    public required ushort[] EndingForm { get; init; }
    public required ushort[] EndingCount { get; init; }

    public int ParadigmCount => ParadigmStart.Length - 1;

    /// <summary>
    /// Writes the model. Payload = one Brotli stream of (little-endian; str = BinaryWriter string, 7-bit length + UTF-8;
    /// array&lt;T&gt; = i32 count, then the raw little-endian elements; pool = i32 count, u8[count] item lengths,
    /// i32 char count, u16[char count] UTF-16 chars of the items back to back):
    /// <code>
    ///   i32 n, n × str  Tags          tag texts ("NOUN,anim,masc sing,gent")
    ///   i32 n, n × str  Suffixes
    ///   i32 n, n × str  Prefixes      ("", "по", "наи")
    ///   array&lt;i32&gt;      ParadigmStart (paradigm count + 1)
    ///   array&lt;u8&gt;       FormPrefix     array&lt;u16&gt; FormSuffix     array&lt;u16&gt; FormTag
    ///   pool            Stems          array&lt;u16&gt; LexemeParadigm
    ///   pool            ProbabilityWords  array&lt;i32&gt; ProbabilityStart  array&lt;u16&gt; ProbabilityTag  array&lt;u16&gt; ProbabilityValue
    ///   pool            Endings        array&lt;i32&gt; EndingStart  array&lt;u16&gt; EndingParadigm  array&lt;u16&gt; EndingForm  array&lt;u16&gt; EndingCount
    /// </code>
    /// </summary>
    public void Write(string path, object metadata)
    {
        RequireLittleEndian();
        ModelFile.Write(path, ModelHeader.Create(Kind, "ru", FormatVersion, metadata), raw =>
        {
            using var brotli = new BrotliStream(raw.BaseStream, CompressionLevel.Optimal, leaveOpen: true);
            using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
            WriteStrings(w, Tags);
            WriteStrings(w, Suffixes);
            WriteStrings(w, Prefixes);
            WriteArray(w, ParadigmStart);
            WriteArray(w, FormPrefix);
            WriteArray(w, FormSuffix);
            WriteArray(w, FormTag);
            WritePool(w, Stems);
            WriteArray(w, LexemeParadigm);
            WritePool(w, ProbabilityWords);
            WriteArray(w, ProbabilityStart);
            WriteArray(w, ProbabilityTag);
            WriteArray(w, ProbabilityValue);
            WritePool(w, Endings);
            WriteArray(w, EndingStart);
            WriteArray(w, EndingParadigm);
            WriteArray(w, EndingForm);
            WriteArray(w, EndingCount);
        });
    }

    /// <summary>Reads a model written by <see cref="Write"/>; format problems raise <see cref="ModelFormatException"/>.</summary>
    public static (MorphData Data, ModelHeader Header) Read(string path)
    {
        RequireLittleEndian();
        var (header, payload) = ModelFile.Read(path, Kind, FormatVersion);
        try
        {
            using var brotli = new BrotliStream(new MemoryStream(payload, writable: false), CompressionMode.Decompress);
            // Buffered: the reader takes strings and lengths a byte at a time, and each byte straight from the decoder
            // cost a call into it (a third of the load time).
            using var r = new BinaryReader(new BufferedStream(brotli, 1 << 16), Encoding.UTF8);
            var data = new MorphData
            {
                Tags = ReadStrings(r), Suffixes = ReadStrings(r), Prefixes = ReadStrings(r),
                ParadigmStart = ReadArray<int>(r), FormPrefix = ReadArray<byte>(r), FormSuffix = ReadArray<ushort>(r), FormTag = ReadArray<ushort>(r),
                Stems = ReadPool(r), LexemeParadigm = ReadArray<ushort>(r),
                ProbabilityWords = ReadPool(r), ProbabilityStart = ReadArray<int>(r), ProbabilityTag = ReadArray<ushort>(r), ProbabilityValue = ReadArray<ushort>(r),
                Endings = ReadPool(r), EndingStart = ReadArray<int>(r), EndingParadigm = ReadArray<ushort>(r), EndingForm = ReadArray<ushort>(r), EndingCount = ReadArray<ushort>(r),
            };
            data.Validate(path);
            return (data, header);
        }
        catch (Exception e) when (e is EndOfStreamException or InvalidDataException or IOException or ArgumentException)
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
        int forms = FormTag.Length;
        Check(ParadigmStart.Length > 1 && ParadigmStart[0] == 0 && ParadigmStart[^1] == forms && FormSuffix.Length == forms && FormPrefix.Length == forms, "paradigm table");
        Check(FormSuffix.All(s => s < Suffixes.Length) && FormTag.All(t => t < Tags.Length) && FormPrefix.All(p => p < Prefixes.Length), "form ids");
        Check(LexemeParadigm.Length == Stems.Count && LexemeParadigm.All(p => p < ParadigmCount), "lexemes");
        Check(ProbabilityStart.Length == ProbabilityWords.Count + 1 && ProbabilityStart[^1] == ProbabilityTag.Length
              && ProbabilityValue.Length == ProbabilityTag.Length && ProbabilityTag.All(t => t < Tags.Length), "probabilities");
        Check(EndingStart.Length == Endings.Count + 1 && EndingStart[^1] == EndingParadigm.Length && EndingForm.Length == EndingParadigm.Length
              && EndingCount.Length == EndingParadigm.Length && EndingParadigm.All(p => p < ParadigmCount), "endings");
        for (int i = 0; i < EndingForm.Length; i++)
            Check(EndingForm[i] < ParadigmStart[EndingParadigm[i] + 1] - ParadigmStart[EndingParadigm[i]], "ending form index");
    }

    private static void RequireLittleEndian()
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("The morphology model format is little-endian; this machine is big-endian.");
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

    private static void WriteArray<T>(BinaryWriter w, T[] items) where T : unmanaged
    {
        w.Write(items.Length);
        w.Write(MemoryMarshal.AsBytes(items.AsSpan()));
    }

    private static T[] ReadArray<T>(BinaryReader r) where T : unmanaged
    {
        int count = r.ReadInt32();
        if (count < 0) throw new InvalidDataException("negative array length");
        var items = new T[count];
        r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(items.AsSpan()));
        return items;
    }

    private static void WritePool(BinaryWriter w, StringPool pool)
    {
        w.Write(pool.Count);
        for (int i = 0; i < pool.Count; i++)
        {
            if (pool.Length(i) > byte.MaxValue) throw new InvalidOperationException($"'{pool[i]}' is longer than 255 characters.");
            w.Write((byte)pool.Length(i));
        }
        WriteArray(w, pool.Chars.ToCharArray());
    }

    private static StringPool ReadPool(BinaryReader r)
    {
        int count = r.ReadInt32();
        if (count < 0) throw new InvalidDataException("negative pool size");
        var lengths = new byte[count];
        r.BaseStream.ReadExactly(lengths);
        var start = new int[count + 1];
        for (int i = 0; i < count; i++) start[i + 1] = start[i] + lengths[i];
        var chars = ReadArray<char>(r);
        return new StringPool(new string(chars), start);
    }
}
