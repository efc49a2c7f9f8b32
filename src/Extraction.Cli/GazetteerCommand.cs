using System.CommandLine;
using System.Diagnostics;
using Extraction.Linking;

namespace Extraction.Cli;

/// <summary>
/// <c>extract build-gazetteer [--data DIR] [--extra FILE] [--out FILE]</c>: compiles <c>models/gazetteer.bin</c> from
/// the shared gazetteer and transliteration data plus the hand-made additions.
/// </summary>
internal static class GazetteerCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Description = "The shared data folder (holds gazetteer_ru_en/ and translit_iuliia/).", DefaultValueFactory = _ => "../shared/data" };
        var extra = new Option<string>("--extra") { Description = "Hand-made additions (Wikidata ids, adjectives, former names).", DefaultValueFactory = _ => "models/gazetteer-extra.tsv" };
        var output = new Option<string>("--out", "-o") { Description = "The model file to write.", DefaultValueFactory = _ => "models/gazetteer.bin" };
        var cmd = new Command("build-gazetteer", "Compile the bilingual gazetteer used by linking (models/gazetteer.bin).") { data, extra, output };
        cmd.SetAction(parse => Execute(parse.GetValue(data)!, parse.GetValue(extra)!, parse.GetValue(output)!));
        return cmd;
    }

    private static int Execute(string data, string extra, string output)
    {
        foreach (var (path, what) in new[] { (Path.Combine(data, "gazetteer_ru_en"), "--data"), (Path.Combine(data, "translit_iuliia"), "--data") })
            if (!Directory.Exists(path))
            {
                Console.Error.WriteLine($"error: {path} not found; pass {what} with the shared data folder.");
                return Program.UsageError;
            }
        if (!File.Exists(extra))
        {
            Console.Error.WriteLine($"error: {extra} not found; pass --extra with the gazetteer additions file.");
            return Program.UsageError;
        }
        var clock = Stopwatch.StartNew();
        var gazetteer = GazetteerBuilder.Build(data, extra);
        var counts = gazetteer.Places.GroupBy(p => p.Kind).OrderBy(g => g.Key).ToDictionary(g => g.Key.ToString(), g => g.Count());
        gazetteer.Write(output, new
        {
            sources = new[]
            {
                "gazetteer_ru_en/countries_i18n_iso.tsv (MIT)", "gazetteer_ru_en/cldr_territories.tsv (Unicode-3.0)",
                "gazetteer_ru_en/subdivisions_iso3166_2.tsv (MIT)", "gazetteer_ru_en/ne_populated_places.tsv.gz (public domain)",
                "translit_iuliia/schemas (MIT)", Path.GetFileName(extra) + " (project, CC0)",
            },
            places = counts,
            schemes = GazetteerBuilder.SchemeNames,
        });
        Console.WriteLine($"{output}: {gazetteer.Places.Count} places ({string.Join(", ", counts.Select(c => $"{c.Value} {c.Key}"))}), " +
            $"{new FileInfo(output).Length / 1024} KB, {clock.Elapsed.TotalSeconds:F1} s");
        return Program.Ok;
    }
}
