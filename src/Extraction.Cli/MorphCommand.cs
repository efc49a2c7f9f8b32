using System.CommandLine;
using System.Diagnostics;
using Extraction.Models;
using Extraction.Morphology;
using Extraction.Normalization;

namespace Extraction.Cli;

/// <summary>
/// <c>extract morph compile --data DIR --out FILE</c>: compiles the OpenCorpora dictionary into <c>models/ru-morph.bin</c>;
/// <c>extract morph analyse WORD... [--model FILE]</c>: prints every parse of each word with its lemma and nominative.
/// </summary>
internal static class MorphCommand
{
    public static Command Create()
    {
        var cmd = new Command("morph", "Russian morphology: compile the dictionary model, analyse words.");
        cmd.Add(Compile());
        cmd.Add(Names());
        cmd.Add(Analyse());
        return cmd;
    }

    private static Command Compile()
    {
        var data = new Option<string>("--data") { Description = "The ru_morph_opencorpora folder (lexemes.tsv.gz, paradigms.tsv.gz, p_t_given_w.tsv.gz).", DefaultValueFactory = _ => "../shared/data/ru_morph_opencorpora" };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => "models/ru-morph.bin" };
        var cmd = new Command("compile", "Compile the OpenCorpora dictionary into a compact model file.") { data, output };
        cmd.SetAction(parse =>
        {
            using var log = Logging.Create(null, verbose: false);
            try
            {
                var watch = Stopwatch.StartNew();
                var (model, metadata) = MorphCompiler.Compile(parse.GetValue(data)!, new MorphCompileOptions());
                var path = parse.GetValue(output)!;
                model.Write(path, metadata);
                log.Information("Wrote {Path}: {Bytes} bytes, {Lexemes} lexemes, {Endings} guessing endings in {Seconds:F1} s",
                    path, new FileInfo(path).Length, model.Stems.Count, model.Endings.Count, watch.Elapsed.TotalSeconds);
                return Program.Ok;
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or FormatException)
            {
                log.Error("{Message}", e.Message);
                return Program.UsageError;
            }
        });
        return cmd;
    }

    private static Command Names()
    {
        var data = new Option<string>("--data") { Description = "The ru_names_rules folder (first_names_gender.tsv, petrovich_gender.json).", DefaultValueFactory = _ => "../shared/data/ru_names_rules" };
        var output = new Option<string>("--out", "-o") { Description = "Model file to write.", DefaultValueFactory = _ => "models/ru-names.bin" };
        var cmd = new Command("names", "Compile the first-name list and name gender rules into a model file.") { data, output };
        cmd.SetAction(parse =>
        {
            using var log = Logging.Create(null, verbose: false);
            try
            {
                var (rules, metadata) = NameRules.Compile(parse.GetValue(data)!);
                var path = parse.GetValue(output)!;
                rules.Write(path, metadata);
                log.Information("Wrote {Path}: {Bytes} bytes, {Names} first names", path, new FileInfo(path).Length, rules.FirstNameCount);
                return Program.Ok;
            }
            catch (Exception e) when (e is FileNotFoundException or System.Text.Json.JsonException or InvalidOperationException or KeyNotFoundException)
            {
                log.Error("{Message}", e.Message);
                return Program.UsageError;
            }
        });
        return cmd;
    }

    private static Command Analyse()
    {
        var words = new Argument<string[]>("words") { Description = "Words to analyse.", Arity = ArgumentArity.OneOrMore };
        var model = new Option<string>("--model", "-m") { Description = "Morphology model.", DefaultValueFactory = _ => "models/ru-morph.bin" };
        var cmd = new Command("analyse", "Print the parses of words: score, tag, lemma, nominative.") { words, model };
        cmd.SetAction(parse =>
        {
            RussianMorphology morph;
            try { morph = RussianMorphology.Load(parse.GetValue(model)!); }
            catch (ModelFormatException e)
            {
                Console.Error.WriteLine($"error: {e.Message}");
                return Program.UsageError;
            }
            foreach (var word in parse.GetValue(words)!)
            {
                Console.WriteLine(word);
                foreach (var p in morph.Analyse(word, alwaysGuess: true))
                    Console.WriteLine($"  {p.Score:F3} {(p.IsGuess ? "guess" : "dict "),-5} {morph.TagText(p),-45} {morph.Lemma(word, p),-20} {morph.Inflect(word, p, Grammemes.Nomn)}");
            }
            return Program.Ok;
        });
        return cmd;
    }
}
