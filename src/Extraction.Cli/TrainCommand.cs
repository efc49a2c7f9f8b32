using System.CommandLine;
using System.Diagnostics;
using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Tagging;

namespace Extraction.Cli;

/// <summary>
/// <c>extract train ner --lang ru|en --train PATH... [--dev PATH...] --out models/ner-XX.bin</c>: trains the NER tagger.
/// Corpus formats are recognised from the path: a file is CoNLL (IOB1/IOB2, .gz allowed), a folder with <c>.ann</c> files is
/// brat (NEREL), a folder with <c>.tokens</c> files is factRuEval-2016. Other <c>train</c> subcommands may be added beside <c>ner</c>.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var train = new Command("train", "Train a model from annotated corpora.");
        train.Add(CreateNer());
        return train;
    }

    private static Command CreateNer()
    {
        var lang = new Option<string>("--lang") { Description = "Language of the model: ru or en.", Required = true };
        var trainPaths = new Option<string[]>("--train") { Description = "Training corpora (file = CoNLL, folder = brat or factRuEval).", Required = true, AllowMultipleArgumentsPerToken = true };
        var devPaths = new Option<string[]>("--dev") { Description = "Dev corpora scored after every epoch (never trained on).", AllowMultipleArgumentsPerToken = true };
        var outPath = new Option<string>("--out", "-o") { Description = "Model file to write.", Required = true };
        var data = new Option<string>("--data") { Description = "Shared data folder with gazetteer_ru_en, ru_morph_opencorpora, unlabeled_*.", DefaultValueFactory = _ => Path.Combine("..", "shared", "data") };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs.", DefaultValueFactory = _ => new NerTrainingOptions().Epochs };
        var seed = new Option<int>("--seed") { Description = "Random seed (shuffling, case variants).", DefaultValueFactory = _ => new NerTrainingOptions().Seed };
        var hashBits = new Option<int>("--hash-bits") { Description = "Feature table size 2^N rows.", DefaultValueFactory = _ => new NerTrainingOptions().HashBits };
        var caseLines = new Option<int>("--case-lines") { Description = "Lines of unlabeled text read for capitalisation statistics (0 = none).", DefaultValueFactory = _ => 300_000 };
        var clusterTokens = new Option<long>("--cluster-tokens") { Description = "Tokens of unlabeled text clustered into word clusters (0 = no clusters).", DefaultValueFactory = _ => 0 };
        var clusterLang = new Option<string?>("--cluster-lang") { Description = "Language of the unlabeled text clustered (default: --lang; en for Latin-script words in a Russian model)." };
        var stackFolds = new Option<int>("--stack-folds") { Description = "Train a second pass with document-level features from out-of-fold first-pass predictions over this many folds (0 = one pass).", DefaultValueFactory = _ => new NerTrainingOptions().StackFolds };
        var without = new Option<string[]>("--without") { Description = "Feature templates to leave out (ablation), by name.", AllowMultipleArgumentsPerToken = true };
        var lexiconFrom = new Option<string?>("--lexicon-from") { Description = "Reuse the compiled lexicon of this model file instead of building it (faster experiments; --data, --case-lines and --cluster-* are then ignored)." };
        var facilities = new Option<FacilityMapping>("--facilities") { Description = "Brat (NEREL) training corpora: FACILITY spans stay out (None), streets and squares become LOC name parts (Streets), or also every named facility becomes LOC (Named).", DefaultValueFactory = _ => FacilityMapping.None };
        var sentenceStart = new Option<bool>("--sentence-start-descriptions") { Description = "Sentence-initial spans whose first word the training corpus writes in lower case mid-sentence are descriptions, not targets." };
        var extra = new Option<string[]>("--extra") { Description = "Silver training corpora as KIND:PATH (repeatable); bsnlp:FOLDER reads a BSNLP topic folder (raw/ + annotated/) and matches its listed mentions in the text.", AllowMultipleArgumentsPerToken = true };
        var extraSentences = new Option<SilverSentences>("--extra-sentences") { Description = "Sentences of --extra corpora trained on: All, Matched (with a matched name) or Explained (every capitalised word inside a match); never those with a PRO/MISC mention.", DefaultValueFactory = _ => new NerTrainingOptions().SilverSentences };
        var dropout = new Option<double>("--feature-dropout") { Description = "Feature bagging: probability of leaving each feature of a training token out of a visit (0 = off).", DefaultValueFactory = _ => new NerTrainingOptions().FeatureDropout };
        var margin = new Option<float>("--margin") { Description = "Cost-augmented training: score added to every wrong label while training (0 = plain perceptron).", DefaultValueFactory = _ => new NerTrainingOptions().Margin };
        var swap = new Option<double>("--swap-names") { Description = "Fraction of training documents added again with their names swapped for other training names of the same type and ending (0 = off).", DefaultValueFactory = _ => new NerTrainingOptions().SwapRate };
        var capsRate = new Option<double>("--caps-rate") { Description = "Fraction of training sentences added again in capitals.", DefaultValueFactory = _ => new NerTrainingOptions().UpperCaseRate };
        var lowerRate = new Option<double>("--lower-rate") { Description = "Fraction of training sentences added again in lower case.", DefaultValueFactory = _ => new NerTrainingOptions().LowerCaseRate };
        var respell = new Option<bool>("--respell-variants") { Description = "Train case variants of three words or more respelt, as the ner stage reads sentences without case (Truecaser)." };
        var respellDictionary = new Option<string>("--respell-dictionary") { Description = "Morphology model respelling consults for Russian.", DefaultValueFactory = _ => Path.Combine("models", "ru-morph.bin") };
        var otherNames = new Option<string[]>("--other-names") { Description = "Corpus labels of other kinds of names (e.g. FACILITY EVENT WORK_OF_ART PRODUCT) taught as an X label that is never output: the model learns them as names that are no PER/ORG/LOC. Default: none (13 labels).", AllowMultipleArgumentsPerToken = true };
        var crfRate = new Option<float>("--crf-rate") { Description = "Train a linear-chain CRF by stochastic gradient steps of this rate (averaged) instead of the perceptron (0 = perceptron).", DefaultValueFactory = _ => new NerTrainingOptions().CrfRate };
        var verbose = new Option<bool>("--verbose", "-v") { Description = "Debug logging." };

        var cmd = new Command("ner", "Train the PER/ORG/LOC tagger (averaged perceptron, BILOU, Viterbi).")
        {
            lang, trainPaths, devPaths, outPath, data, epochs, seed, hashBits, stackFolds, without, caseLines, clusterTokens, clusterLang, lexiconFrom, facilities, sentenceStart, extra, extraSentences, dropout, margin, swap, capsRate, lowerRate, respell, respellDictionary, otherNames, crfRate, verbose,
        };
        cmd.SetAction(parse => Execute(parse.GetValue(lang)!, parse.GetValue(trainPaths)!, parse.GetValue(devPaths) ?? [],
            parse.GetValue(outPath)!, parse.GetValue(data)!, new NerTrainingOptions
            {
                Epochs = parse.GetValue(epochs),
                Seed = parse.GetValue(seed),
                HashBits = parse.GetValue(hashBits),
                StackFolds = parse.GetValue(stackFolds),
                SentenceStartDescriptions = parse.GetValue(sentenceStart),
                SilverSentences = parse.GetValue(extraSentences),
                FeatureDropout = parse.GetValue(dropout),
                Margin = parse.GetValue(margin),
                SwapRate = parse.GetValue(swap),
                RespellCaseVariants = parse.GetValue(respell),
                UpperCaseRate = parse.GetValue(capsRate),
                LowerCaseRate = parse.GetValue(lowerRate),
                CrfRate = parse.GetValue(crfRate),
                OtherNames = (parse.GetValue(otherNames) ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
            }, parse.GetValue(respellDictionary)!, parse.GetValue(extra) ?? [], parse.GetValue(without) ?? [], parse.GetValue(caseLines), parse.GetValue(clusterTokens), parse.GetValue(clusterLang), parse.GetValue(lexiconFrom),
            parse.GetValue(facilities), parse.GetValue(verbose)));
        return cmd;
    }

    private static TaggerLexicon ReuseLexicon(string path, Language language)
    {
        var source = NerModel.Load(path);
        if (source.Language != language)
            throw new ArgumentException($"--lexicon-from '{path}' is a {source.Language.Code()} model; pass a {language.Code()} one.");
        return source.Lexicon;
    }

    /// <summary>Reads a corpus, recognising its format from the path.</summary>
    public static List<GoldDocument> ReadCorpus(string path, Language language, FacilityMapping facilities = FacilityMapping.None)
    {
        if (File.Exists(path)) return Conll.Read(path, language).ToList();
        if (!Directory.Exists(path)) throw new FileNotFoundException($"Corpus '{path}' not found; pass a CoNLL file or a brat / factRuEval folder.");
        if (Directory.EnumerateFiles(path, "*.ann").Any()) return Brat.ReadDirectory(path, language, facilities: facilities).ToList();
        if (Directory.EnumerateFiles(path, "*.tokens").Any()) return FactRuEval.ReadDirectory(path).ToList();
        throw new ArgumentException($"Corpus folder '{path}' has neither .ann (brat) nor .tokens (factRuEval) files.");
    }

    /// <summary>Reads a silver corpus given as <c>KIND:PATH</c> (kinds: <c>bsnlp</c>, a BSNLP topic folder of a cased topic).</summary>
    public static List<GoldDocument> ReadSilver(string spec, Language language)
    {
        int colon = spec.IndexOf(':', StringComparison.Ordinal);
        var (kind, path) = colon < 0 ? ("", spec) : (spec[..colon], spec[(colon + 1)..]);
        if (kind != "bsnlp") throw new ArgumentException($"--extra '{spec}': unknown kind '{kind}'; write bsnlp:PATH to a BSNLP topic folder.");
        if (language != Language.Ru) throw new ArgumentException($"--extra '{spec}': BSNLP silver data here is Russian; train with --lang ru.");
        if (!Directory.Exists(Path.Combine(path, "raw")) || !Directory.Exists(Path.Combine(path, "annotated")))
            throw new DirectoryNotFoundException($"--extra '{spec}': '{path}' is not a BSNLP topic folder (raw/ and annotated/); point at e.g. ../shared/data/bsnlp_ru/brexit.");
        return Bsnlp.ReadTopic(path).Select(Bsnlp.Silver).ToList();
    }

    private static int Execute(string langCode, string[] trainPaths, string[] devPaths, string outPath, string dataRoot,
        NerTrainingOptions options, string respellDictionary, string[] extraPaths, string[] without, int caseLines, long clusterTokens, string? clusterLangCode, string? lexiconFrom, FacilityMapping facilities, bool verbose)
    {
        using var log = Logging.Create(null, verbose);
        try
        {
            if (!Languages.TryParse(langCode, out var language) || language == Language.Other)
                throw new ArgumentException($"--lang '{langCode}' is not supported; use ru or en.");
            options = options with { Templates = FeatureTemplates.DefaultFor(language).Except(without).ToArray() };
            if (options.HashBits is < 12 or > 24) throw new ArgumentException($"--hash-bits {options.HashBits} is outside 12..24.");
            if (options.UpperCaseRate < 0 || options.LowerCaseRate < 0 || options.UpperCaseRate + options.LowerCaseRate > 1)
                throw new ArgumentException($"--caps-rate {options.UpperCaseRate} and --lower-rate {options.LowerCaseRate} must be 0 or more and add up to 1 at most.");
            if (options.SwapRate is < 0 or > 1) throw new ArgumentException($"--swap-names {options.SwapRate} must be in [0, 1].");
            if (options.Margin < 0) throw new ArgumentException($"--margin {options.Margin} must be 0 or more.");
            if (options.FeatureDropout is < 0 or >= 1) throw new ArgumentException($"--feature-dropout {options.FeatureDropout} must be in [0, 1).");
            if (options.StackFolds is < 0 or 1 or > 20) throw new ArgumentException($"--stack-folds {options.StackFolds} must be 0 (one pass) or 2..20.");
            if (options.RespellCaseVariants && language == Language.Ru)
            {
                if (!File.Exists(respellDictionary))
                    throw new FileNotFoundException($"--respell-dictionary '{respellDictionary}' not found; run from the repository root or pass the path of ru-morph.bin.");
                options = options with { RespellDictionary = Morphology.RussianMorphology.Load(respellDictionary) };
            }
            var clock = Stopwatch.StartNew();
            Language? clusterLanguage = null;
            if (clusterLangCode is not null)
                clusterLanguage = Languages.TryParse(clusterLangCode, out var cl) && cl != Language.Other ? cl
                    : throw new ArgumentException($"--cluster-lang '{clusterLangCode}' is not supported; use ru or en.");
            var lexicon = lexiconFrom is null
                ? LexiconBuilder.Default(dataRoot, language, caseLines, clusterTokens, clusterLanguage, m => log.Information("{Step}", m))
                : ReuseLexicon(lexiconFrom, language);
            log.Information("Lexicon: {Words} words, {Phrases} phrases in {Seconds:F1}s", lexicon.Words.Count, lexicon.Phrases.Count, clock.Elapsed.TotalSeconds);

            var train = trainPaths.SelectMany(p => ReadCorpus(p, language, facilities)).ToList();
            log.Information("Training corpora: {Documents} documents from {Paths}", train.Count, string.Join(", ", trainPaths));
            foreach (var e in extraPaths)
            {
                var silver = ReadSilver(e, language);
                log.Information("Silver corpus {Path}: {Documents} documents, {Spans} matched names", e, silver.Count, silver.Sum(d => d.Spans.Count));
                train.AddRange(silver);
            }
            var dev = devPaths.Select(p => (Path: p, Docs: ReadCorpus(p, language))).ToList();

            var scores = new Dictionary<string, object>();
            var (model, trainTokens) = NerTrainer.TrainModel(language, lexicon, options, train, (epoch, m, elapsed) =>
            {
                foreach (var (p, docs) in dev)
                {
                    var strict = NerEvaluation.Strict(m, docs);
                    log.Information("Epoch {Epoch} ({Seconds:F0}s) dev {Dev} strict: {Scores}", epoch, elapsed.TotalSeconds, Path.GetFileName(Path.TrimEndingDirectorySeparator(p)), strict.ToString());
                    scores[$"{Path.GetFileName(Path.TrimEndingDirectorySeparator(p))} strict"] = strict.ToString();
                    var raw = NerEvaluation.Strict(m, docs, raw: true);
                    log.Information("Epoch {Epoch} dev {Dev} strict, raw corpus spans: {Scores}", epoch, Path.GetFileName(Path.TrimEndingDirectorySeparator(p)), raw.ToString());
                    scores[$"{Path.GetFileName(Path.TrimEndingDirectorySeparator(p))} strict raw"] = raw.ToString();
                    if (docs.All(d => d.Tokens is not null) && docs.Any(d => d.Spans.Any(s => s.OriginalLabel is "LocOrg" or "Org" or "Person" or "Location")))
                    {
                        var tokens = NerEvaluation.TokenLevel(m, docs);
                        log.Information("Epoch {Epoch} dev {Dev} token level: {Scores}", epoch, Path.GetFileName(Path.TrimEndingDirectorySeparator(p)), tokens.ToString());
                        scores[$"{Path.GetFileName(Path.TrimEndingDirectorySeparator(p))} token"] = tokens.ToString();
                    }
                }
                if (dev.Count == 0) log.Information("Epoch {Epoch} done ({Seconds:F0}s)", epoch, elapsed.TotalSeconds);
            }, message => log.Information("{Step}", message));
            if (dev.Count > 0)
            {
                model = model.WithTemperature(NerEvaluation.CalibrateTemperature(model, dev[0].Docs));
                log.Information("Confidence temperature {Temperature} (fitted on {Dev})", model.Temperature, dev[0].Path);
            }
            var seconds = clock.Elapsed.TotalSeconds;
            model.Save(outPath, new
            {
                labels = Bilou.NamesFor(model.LabelCount),
                otherNames = options.OtherNames.Count > 0 ? options.OtherNames : null,
                templates = model.Templates.Select(t => t.Name).ToArray(),
                refinerTemplates = model.Refiner?.Templates.Select(t => t.Name).ToArray(),
                options.StackFolds,
                options.SentenceStartDescriptions,
                extra = extraPaths.Select(p => p.Replace('\\', '/').TrimEnd('/')).Select(p => p[..(p.IndexOf(':') + 1)] + p[(p.LastIndexOf('/') + 1)..]).ToArray(),
                silverSentences = extraPaths.Length > 0 ? options.SilverSentences.ToString() : null,
                options.FeatureDropout,
                options.Margin,
                crfRate = options.CrfRate > 0 ? options.CrfRate : (float?)null,
                options.SwapRate,
                facilities = facilities.ToString(),
                options.HashBits,
                options.Epochs,
                options.Seed,
                options.UpperCaseRate,
                options.LowerCaseRate,
                options.RespellCaseVariants,
                lexiconFrom = lexiconFrom is null ? null : Path.GetFileName(lexiconFrom),
                caseStatisticsLines = caseLines,
                clusterTokens,
                clusterLanguage = (clusterLanguage ?? language).Code(),
                train = trainPaths.Select(p => Path.GetFileName(Path.TrimEndingDirectorySeparator(p))).ToArray(),
                trainTokens,
                confidenceTemperature = model.Temperature,
                dev = scores,
                trainingSeconds = Math.Round(seconds),
                created = DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            });
            log.Information("Wrote {Out} ({Bytes:N0} bytes) in {Seconds:F0}s", outPath, new FileInfo(outPath).Length, seconds);
            return Program.Ok;
        }
        catch (Exception e) when (e is ArgumentException or FileNotFoundException or DirectoryNotFoundException or FormatException or Models.ModelFormatException)
        {
            log.Error("Training failed: {Message}", e.Message);
            Console.Error.WriteLine($"error: {e.Message}");
            return Program.UsageError;
        }
    }
}
