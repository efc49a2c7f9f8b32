using Extraction.Corpora;
using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Evaluation;

/// <summary>Pairs gold documents with predictions: from running a pipeline on their texts, or from a mentions.csv.</summary>
public static class EvalRunner
{
    /// <summary>
    /// Runs <paramref name="pipeline"/> on each gold text (in parallel; stages are thread-safe). The gold document date,
    /// when the corpus has one, is set on the document first, as metadata would be. A document whose processing
    /// throws is scored with no predictions and counted in <c>Failed</c>, so a crash shows in the figures and the gate.
    /// </summary>
    public static (IReadOnlyList<EvalDocument> Documents, IReadOnlyList<string> Failed) Predict(
        DocumentPipeline pipeline, IReadOnlyList<GoldDocument> gold, int jobs = 0)
    {
        var results = new EvalDocument[gold.Count];
        var failed = new System.Collections.Concurrent.ConcurrentBag<string>();
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = jobs > 0 ? jobs : Environment.ProcessorCount };
        Parallel.For(0, gold.Count, parallel, i =>
        {
            var g = gold[i];
            var doc = new Document(g.Id, g.Text);
            // The corpus's creation time anchors relative dates when it is an ISO day; a value the corpus got wrong
            // (MEANTIME has «03-02-2009») is left out, and the pipeline reads the dateline as it would without one.
            if (g.DocumentDate is { Length: > 0 } date && new DocumentDate(date, "metadata") is { Day: not null } given) doc.Date = given;
            IReadOnlyList<GoldSpan> predicted;
            try
            {
                pipeline.Process(doc);
                predicted = doc.Mentions.Select(EvalDocument.FromMention).ToList();
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                failed.Add($"{g.Id}: {e.GetType().Name}: {e.Message}");
                predicted = [];
            }
            results[i] = new EvalDocument(g.Id, g.Text, g.Spans, predicted);
        });
        return (results, failed.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>
    /// Pairs gold documents with predictions read from a mentions.csv. A prediction's document id matches a gold id
    /// exactly or once its extension is dropped (<c>book_1.txt</c> → <c>book_1</c>). Ranges outside the gold text are an
    /// <see cref="InvalidDataException"/> (the predictions were made on other texts). <c>Unmatched</c> lists predicted
    /// documents that are not in the gold.
    /// </summary>
    public static (IReadOnlyList<EvalDocument> Documents, IReadOnlyList<string> Unmatched) Pair(
        IReadOnlyList<GoldDocument> gold, IReadOnlyDictionary<string, List<GoldSpan>> predictions)
    {
        var byId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var id in predictions.Keys) byId[id] = id;
        foreach (var id in predictions.Keys) byId.TryAdd(Stem(id), id);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var docs = new List<EvalDocument>(gold.Count);
        foreach (var g in gold)
        {
            IReadOnlyList<GoldSpan> predicted = [];
            if (byId.TryGetValue(g.Id, out var key) || byId.TryGetValue(Stem(g.Id), out key))
            {
                used.Add(key);
                predicted = predictions[key];
                foreach (var p in predicted)
                    if (p.Range.End > g.Text.Length)
                        throw new InvalidDataException($"prediction {p.Range} in document '{key}' lies past the end of the gold text ({g.Text.Length} characters): were the predictions made on these texts?");
            }
            docs.Add(new EvalDocument(g.Id, g.Text, g.Spans, predicted));
        }
        return (docs, predictions.Keys.Where(k => !used.Contains(k)).Order(StringComparer.Ordinal).ToList());
    }

    private static string Stem(string id)
    {
        int slash = id.LastIndexOf('/');
        int dot = id.LastIndexOf('.');
        return dot > slash + 1 ? id[..dot] : id;
    }
}
