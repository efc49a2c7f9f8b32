using Extraction.Documents;
using Extraction.Pipeline;

namespace Extraction.Tests.Pipeline;

public class PipelineConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string json)
    {
        var path = Path.Combine(_dir, "pipeline.json");
        File.WriteAllText(path, json);
        return path;
    }

    private ConfigException BuildFails(string json)
    {
        var path = Write(json);
        return Assert.Throws<ConfigException>(() => PipelineFactory.Load(path));
    }

    [Fact]
    public void Stage_order_and_options_come_from_the_file()
    {
        var path = Write("""{ "stages": [ { "name": "tokenize", "options": { "maxSentenceTokens": 50 } }, { "name": "language" } ] }""");
        var (pipeline, _) = PipelineFactory.Load(path);
        Assert.Equal(["tokenize", "language"], pipeline.Stages.Select(s => s.Name));
        Assert.Equal(50, ((Extraction.Tokenization.TokenizeStage)pipeline.Stages[0]).Options.MaxSentenceTokens);
    }

    [Fact]
    public void Unknown_top_level_key_names_the_key_and_path()
    {
        var e = BuildFails("""{ "stages": [], "stagez": [] }""");
        Assert.Contains("unknown key 'stagez'", e.Message);
        Assert.Contains("pipeline.json", e.Message);
    }

    [Fact]
    public void Unknown_option_key_names_the_stage_and_path()
    {
        var e = BuildFails("""{ "stages": [ { "name": "tokenize", "options": { "maxSentenceToken": 5 } } ] }""");
        Assert.Contains("$.stages[0] ('tokenize')", e.Message);
        Assert.Contains("unknown key 'maxSentenceToken'", e.Message);
    }

    [Fact]
    public void Unknown_stage_lists_the_known_ones()
    {
        var e = BuildFails("""{ "stages": [ { "name": "tokenise" } ] }""");
        Assert.Contains("unknown stage 'tokenise'", e.Message);
        Assert.Contains("tokenize", e.Message);
    }

    [Fact]
    public void Bad_value_names_the_path()
    {
        var e = BuildFails("""{ "stages": [ { "name": "tokenize", "options": { "maxSentenceTokens": "many" } } ] }""");
        Assert.Contains("bad value at $.maxSentenceTokens", e.Message);
    }

    [Fact]
    public void Missing_file_says_how_to_fix_it()
    {
        var e = Assert.Throws<ConfigException>(() => PipelineFactory.Load(Path.Combine(_dir, "nope.json")));
        Assert.Contains("--config", e.Message);
    }

    [Fact]
    public void Unmet_requirements_are_all_reported_at_once()
    {
        var e = BuildFails("""{ "stages": [ { "name": "language" }, { "name": "tokenize" } ] }""");
        Assert.Equal(2, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Contains("move 'tokenize' before 'language'", p));
    }

    [Fact]
    public void Several_broken_entries_are_reported_together()
    {
        var e = BuildFails("""{ "stages": [ { "name": "nope1" }, { "name": "tokenize", "options": { "x": 1 } }, { "name": "nope2" } ] }""");
        Assert.Equal(3, e.Problems.Count);
    }

    [Fact]
    public void Chain_check_accepts_a_complete_chain()
    {
        var stages = new IStage[] { new Fake("a", [], ["x"]), new Fake("b", ["x"], ["y"]) };
        Assert.Empty(PipelineBuilder.CheckChain(stages));
        Assert.Single(PipelineBuilder.CheckChain([stages[1]]));
    }

    [Fact]
    public void The_shipped_pipeline_json_builds()
    {
        var (pipeline, _) = PipelineFactory.Load(Path.Combine(TestSupport.SharedData.RepoRoot, "pipeline.json"));
        Assert.NotEmpty(pipeline.Stages);
    }

    private sealed class Fake(string name, string[] requires, string[] provides) : IStage
    {
        public string Name => name;
        public IReadOnlyList<string> Requires => requires;
        public IReadOnlyList<string> Provides => provides;
        public void Process(Document document) { }
    }
}
