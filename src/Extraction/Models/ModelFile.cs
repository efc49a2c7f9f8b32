using System.Text;
using System.Text.Json;

namespace Extraction.Models;

/// <summary>
/// The self-describing container every model file in <c>models/</c> uses.
///
/// Byte layout (little-endian; strings are BinaryWriter strings: 7-bit-encoded length, then UTF-8):
/// <code>
///   offset  size  field
///   0       8     magic "EXTRMODL"
///   8       2     container version (currently 1)
///   10      str   kind            e.g. "ner", "morph-ru", "gazetteer"
///   ..      str   language        "ru", "en" or "multi"
///   ..      4     format version  of the payload, owned by the kind's reader/writer
///   ..      str   metadata        JSON object: labels, training options, data, scores (free-form, for humans and cards)
///   ..      8     payload length  in bytes
///   ..      8     payload checksum FNV-1a 64 over the payload bytes
///   ..      n     payload         the kind's own layout, documented beside its writer
/// </code>
/// A wrong magic, kind, version, truncated file or checksum mismatch raises <see cref="ModelFormatException"/>
/// naming the file and the fix.
/// </summary>
public static class ModelFile
{
    private static ReadOnlySpan<byte> Magic => "EXTRMODL"u8;
    public const ushort ContainerVersion = 1;

    public static void Write(string path, ModelHeader header, ReadOnlySpan<byte> payload)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(dir)) Directory.CreateDirectory(dir);
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write))
        using (var w = new BinaryWriter(fs, Encoding.UTF8))
        {
            w.Write(Magic);
            w.Write(ContainerVersion);
            w.Write(header.Kind);
            w.Write(header.Language);
            w.Write(header.FormatVersion);
            w.Write(header.Metadata.GetRawText());
            w.Write((long)payload.Length);
            w.Write(Checksum(payload));
            w.Write(payload);
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>Writes a model whose payload is produced by <paramref name="writePayload"/>.</summary>
    public static void Write(string path, ModelHeader header, Action<BinaryWriter> writePayload)
    {
        using var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true)) writePayload(w);
        Write(path, header, ms.GetBuffer().AsSpan(0, (int)ms.Length));
    }

    /// <summary>Reads and verifies a model file of <paramref name="expectedKind"/>; returns its header and payload.</summary>
    public static (ModelHeader Header, byte[] Payload) Read(string path, string expectedKind, params uint[] supportedFormatVersions)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModelFormatException(path, $"cannot be read ({e.Message})", "check the path and permissions", e);
        }
        return Parse(path, bytes, expectedKind, supportedFormatVersions);
    }

    public static (ModelHeader Header, byte[] Payload) Parse(string path, byte[] bytes, string expectedKind, params uint[] supportedFormatVersions)
    {
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            var magic = r.ReadBytes(8);
            if (!magic.AsSpan().SequenceEqual(Magic))
                throw new ModelFormatException(path, "is not an Extraction model file (wrong signature)", "point the option at a file written by 'extract train'");
            var container = r.ReadUInt16();
            if (container != ContainerVersion)
                throw new ModelFormatException(path, $"has container version {container}; this program reads {ContainerVersion}", "use the models shipped with this version or retrain");
            var kind = r.ReadString();
            var language = r.ReadString();
            var format = r.ReadUInt32();
            var metaText = r.ReadString();
            var length = r.ReadInt64();
            var checksum = r.ReadUInt64();
            if (kind != expectedKind)
                throw new ModelFormatException(path, $"is a '{kind}' model where a '{expectedKind}' model is expected", "check which stage option names this file");
            if (supportedFormatVersions.Length > 0 && Array.IndexOf(supportedFormatVersions, format) < 0)
                throw new ModelFormatException(path, $"has {kind} format version {format}; this program reads {string.Join(", ", supportedFormatVersions)}", "retrain the model with this version ('extract train')");
            var remaining = bytes.Length - r.BaseStream.Position;
            if (length < 0 || length != remaining)
                throw new ModelFormatException(path, $"is truncated or padded: header says {length} payload bytes, file has {remaining}", "restore the file from git or retrain it");
            var payload = r.ReadBytes((int)length);
            if (Checksum(payload) != checksum)
                throw new ModelFormatException(path, "fails its checksum (the file is corrupt)", "restore the file from git or retrain it");
            using var doc = JsonDocument.Parse(metaText);
            return (new ModelHeader(kind, language, format, doc.RootElement.Clone()), payload);
        }
        catch (EndOfStreamException e)
        {
            throw new ModelFormatException(path, "ends before its header does (truncated)", "restore the file from git or retrain it", e);
        }
        catch (JsonException e)
        {
            throw new ModelFormatException(path, "has unreadable metadata", "restore the file from git or retrain it", e);
        }
    }

    /// <summary>FNV-1a 64-bit over the bytes.</summary>
    public static ulong Checksum(ReadOnlySpan<byte> data)
    {
        ulong h = 14695981039346656037UL;
        foreach (var b in data)
        {
            h ^= b;
            h *= 1099511628211UL;
        }
        return h;
    }
}

/// <summary>Header of a model file: kind, language, payload format version and free-form JSON metadata.</summary>
public sealed record ModelHeader(string Kind, string Language, uint FormatVersion, JsonElement Metadata)
{
    public static ModelHeader Create(string kind, string language, uint formatVersion, object metadata) =>
        new(kind, language, formatVersion, JsonSerializer.SerializeToElement(metadata));
}

/// <summary>A model file that cannot be used; the message names the file, the reason and the fix.</summary>
public sealed class ModelFormatException : Exception
{
    public ModelFormatException(string path, string reason, string fix, Exception? inner = null)
        : base($"Model file '{path}' {reason}; {fix}.", inner) => FilePath = path;

    public string FilePath { get; }
}
