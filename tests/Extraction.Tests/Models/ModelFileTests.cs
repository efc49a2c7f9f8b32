using Extraction.Models;

namespace Extraction.Tests.Models;

public class ModelFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-model-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string WriteSample()
    {
        var path = Path.Combine(_dir, "m.bin");
        ModelFile.Write(path, ModelHeader.Create("ner", "ru", 3, new { labels = new[] { "O", "B-PER" } }), w => { w.Write(42); w.Write("payload"); });
        return path;
    }

    [Fact]
    public void Round_trips_header_and_payload()
    {
        var (header, payload) = ModelFile.Read(WriteSample(), "ner", 3);
        Assert.Equal("ru", header.Language);
        Assert.Equal(3u, header.FormatVersion);
        Assert.Equal("B-PER", header.Metadata.GetProperty("labels")[1].GetString());
        using var r = new BinaryReader(new MemoryStream(payload));
        Assert.Equal(42, r.ReadInt32());
        Assert.Equal("payload", r.ReadString());
    }

    [Fact]
    public void Corrupt_payload_fails_its_checksum_with_the_fix()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        bytes[^2] ^= 0xFF;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<ModelFormatException>(() => ModelFile.Read(path, "ner"));
        Assert.Contains("checksum", e.Message);
        Assert.Contains("retrain", e.Message);
    }

    [Fact]
    public void Truncated_file_is_reported()
    {
        var path = WriteSample();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 3)]);
        Assert.Contains("truncated", Assert.Throws<ModelFormatException>(() => ModelFile.Read(path, "ner")).Message);
        File.WriteAllBytes(path, bytes[..12]);
        Assert.Contains("truncated", Assert.Throws<ModelFormatException>(() => ModelFile.Read(path, "ner")).Message);
    }

    [Fact]
    public void Wrong_kind_version_or_signature_is_reported()
    {
        var path = WriteSample();
        Assert.Contains("'ner' model where a 'morph-ru'", Assert.Throws<ModelFormatException>(() => ModelFile.Read(path, "morph-ru")).Message);
        Assert.Contains("format version 3", Assert.Throws<ModelFormatException>(() => ModelFile.Read(path, "ner", 4)).Message);
        File.WriteAllText(path, "not a model at all");
        Assert.Contains("wrong signature", Assert.Throws<ModelFormatException>(() => ModelFile.Read(path, "ner")).Message);
    }
}
