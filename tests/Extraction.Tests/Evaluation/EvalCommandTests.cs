using Extraction.Cli;
using Extraction.Evaluation;
using Extraction.Output;

namespace Extraction.Tests.Evaluation;

/// <summary><c>extract eval</c> end to end on a small TSV gold corpus with predictions from a mentions.csv.</summary>
public class EvalCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("eval-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private string P(string name) => Path.Combine(_dir, name);

    private string Gold()
    {
        Directory.CreateDirectory(P("gold"));
        File.WriteAllText(P("gold/a.txt"), "Путин прилетел в Москву 5 мая.");
        File.WriteAllText(P("gold/b.txt"), "Merkel visited Berlin.");
        File.WriteAllText(P("gold/gold.tsv"),
            "doc\tstart\tend\ttype\ttext\tnormalized\n" +
            "a.txt\t0\t5\tPER\tПутин\tПутин\n" +
            "a.txt\t17\t23\tLOC\tМоскву\tМосква\n" +
            "a.txt\t24\t29\tDATE\t5 мая\tXXXX-05-05\n" +
            "b.txt\t0\t6\tPER\tMerkel\tMerkel\n" +
            "b.txt\t15\t21\tLOC\tBerlin\tBerlin\n");
        return P("gold/gold.tsv");
    }

    private string Pred(string name, bool degraded)
    {
        var rows = new List<MentionRow>
        {
            new("a.txt", 0, 5, "Путин", "PER", "Путин", null, 0, "t", 1),
            new("a.txt", 17, 23, "Москву", "LOC", "Москва", null, 0, "t", 1),
            new("a.txt", 24, 29, "5 мая", "DATE", "XXXX-05-05", null, 0, "t", 1),
            new("b.txt", 0, 6, "Merkel", "PER", "Merkel", null, 0, "t", 1),
        };
        if (!degraded) rows.Add(new("b.txt", 15, 21, "Berlin", "LOC", "Berlin", null, 0, "t", 1));
        TableWriter.WriteMentions(P(name), rows, new TableOptions { JsonLines = false });
        return P(name);
    }

    [Fact]
    public void Saves_a_baseline_writes_reports_and_a_degraded_prediction_fails_the_gate()
    {
        var gold = Gold();
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", Pred("good.csv", false), "--save-baseline", P("base.json"),
            "--report", P("r.json"), "--report", P("r.md")]));
        var baseline = Baseline.Load(P("base.json"));
        Assert.Equal(("tsv", 2, 1.0), (baseline.Format, baseline.Documents, baseline.Metrics["strict.micro.f1"]));
        Assert.Equal(["PER", "LOC", "DATE"], baseline.Types);
        Assert.Contains("--save-baseline", baseline.Command);
        Assert.Contains("\"strict.micro.f1\": 1", File.ReadAllText(P("r.json")));
        Assert.Contains("| micro | 5 | 5 |", File.ReadAllText(P("r.md")));

        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", Pred("same.csv", false), "--baseline", P("base.json")]));
        Assert.Equal(Program.SomeFailed, Program.Main(["eval", "--gold", gold, "--pred", Pred("worse.csv", true), "--baseline", P("base.json"),
            "--report", P("gate.md")]));
        Assert.Contains("**Failed**", File.ReadAllText(P("gate.md")));
        Assert.Contains("strict.LOC.r", File.ReadAllText(P("gate.md")));
        // A tolerance as large as the drop lets it pass.
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", P("worse.csv"), "--baseline", P("base.json"), "--tolerance", "0.6"]));
    }

    [Fact]
    public void Examples_sets_how_many_errors_of_each_kind_the_report_lists()
    {
        var gold = Gold();
        var pred = Pred("worse.csv", true);
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", pred, "--report", P("five.md")]));
        Assert.Contains("| Missed | b.txt | LOC «Berlin» [15,21) |", File.ReadAllText(P("five.md")));
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", pred, "--examples", "0", "--report", P("none.md")]));
        Assert.DoesNotContain("«Berlin»", File.ReadAllText(P("none.md")));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--pred", pred, "--examples", "-1"]));
    }

    [Fact]
    public void Case_rewrites_the_gold_texts_and_is_recorded_in_the_baseline()
    {
        var gold = Gold();
        var pred = Pred("good.csv", false);
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", pred, "--case", "upper", "--save-baseline", P("upper.json"), "--report", P("upper.md")]));
        var baseline = Baseline.Load(P("upper.json"));
        Assert.Equal("upper", baseline.Case);
        Assert.Contains(" --case upper ", baseline.Command);
        Assert.Contains("gold texts rewritten in upper case", File.ReadAllText(P("upper.md")));
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", gold, "--pred", pred, "--save-baseline", P("asis.json")]));
        Assert.Null(Baseline.Load(P("asis.json")).Case);
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--pred", pred, "--case", "title"]));
    }

    [Fact]
    public void Runs_the_pipeline_when_no_predictions_are_given()
    {
        var config = Path.Combine(TestSupport.SharedData.RepoRoot, "pipeline.json");
        Assert.Equal(Program.Ok, Program.Main(["eval", "--gold", Gold(), "--config", config, "--types", "per,loc", "--save-baseline", P("pipe.json")]));
        var baseline = Baseline.Load(P("pipe.json"));
        Assert.Equal(["PER", "LOC"], baseline.Types);
        Assert.Equal(config, baseline.Config);
    }

    [Fact]
    public void Unreadable_gold_and_bad_options_exit_with_2()
    {
        var gold = Gold();
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", P("nowhere")]));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--format", "xml"]));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--types", "PER,MISC"]));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--pred", P("none.csv")]));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--pred", Pred("p.csv", false), "--baseline", P("none.json")]));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--pred", P("p.csv"), "--report", P("r.txt")]));
        File.AppendAllText(gold, "a.txt\t0\t5\tPER\tМосква\t\n");
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", gold, "--pred", P("p.csv")]));
        Assert.Equal(Program.UsageError, Program.Main(["eval", "--gold", P("gold"), "--format", "conll"]));
    }

    [Fact]
    public void Formats_are_told_from_the_path()
    {
        Assert.Equal(GoldFormat.Tsv, GoldCorpus.Detect(Gold()));
        File.WriteAllText(P("eng.testa"), "-DOCSTART- -X- O O\n");
        Assert.Equal(GoldFormat.Conll, GoldCorpus.Detect(P("eng.testa")));
        Directory.CreateDirectory(P("brat"));
        File.WriteAllText(P("brat/1.ann"), "");
        Assert.Equal(GoldFormat.Brat, GoldCorpus.Detect(P("brat")));
        Directory.CreateDirectory(P("factru"));
        File.WriteAllText(P("factru/book_1.spans"), "");
        Assert.Equal(GoldFormat.FactRu, GoldCorpus.Detect(P("factru")));
        Directory.CreateDirectory(P("meantime/airbus"));
        File.WriteAllText(P("meantime/airbus/1.xml"), "<Document/>");
        Assert.Equal(GoldFormat.Meantime, GoldCorpus.Detect(P("meantime")));
        Assert.Throws<InvalidDataException>(() => GoldCorpus.Detect(P("gold")));
    }

    [Fact]
    public void Meantime_keeps_named_mentions_and_calendar_timexes()
    {
        Directory.CreateDirectory(P("mt"));
        File.WriteAllText(P("mt/a.xml"), """
            <Document doc_name="a">
              <token t_id="1" sentence="0" number="0">Airbus</token>
              <token t_id="2" sentence="0" number="1">said</token>
              <token t_id="3" sentence="0" number="2">it</token>
              <token t_id="4" sentence="0" number="3">on</token>
              <token t_id="5" sentence="0" number="4">Monday</token>
              <token t_id="6" sentence="0" number="5">for</token>
              <token t_id="7" sentence="0" number="6">years</token>
              <Markables>
                <ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
                <ENTITY_MENTION m_id="2" syntactic_type="PRO"><token_anchor t_id="3"/></ENTITY_MENTION>
                <ENTITY m_id="3" ent_type="ORG"/>
                <TIMEX3 m_id="4" type="DATE" value="2008-03-03"><token_anchor t_id="5"/></TIMEX3>
                <TIMEX3 m_id="5" type="DURATION" value="PXY"><token_anchor t_id="7"/></TIMEX3>
              </Markables>
              <Relations>
                <REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><target m_id="3"/></REFERS_TO>
              </Relations>
            </Document>
            """);
        var doc = Assert.Single(GoldCorpus.Read(P("mt"), GoldFormat.Meantime));
        Assert.Equal(["Airbus/ORG", "Monday/DATE"], doc.Spans.Select(s => $"{s.Range.Of(doc.Text)}/{s.Type}"));
    }

    [Fact]
    public void Names_only_keeps_the_ner_targets_and_the_dates()
    {
        Directory.CreateDirectory(P("nerel"));
        const string text = "правительства Китая и Министерство обороны России 5 мая";
        File.WriteAllText(P("nerel/1.txt"), text);
        File.WriteAllText(P("nerel/1.ann"), string.Join("\n",
            $"T1\tORGANIZATION 0 19\t{text[..19]}",
            $"T2\tCOUNTRY 14 19\t{text[14..19]}",
            $"T3\tORGANIZATION 22 49\t{text[22..49]}",
            $"T4\tCOUNTRY 43 49\t{text[43..49]}",
            $"T5\tDATE 50 55\t{text[50..55]}") + "\n");
        var all = Assert.Single(GoldCorpus.Read(P("nerel"), GoldFormat.Brat));
        Assert.Equal(5, all.Spans.Count);
        var doc = Assert.Single(GoldCorpus.Read(P("nerel"), GoldFormat.Brat, namesOnly: true));
        // The description «правительства Китая» goes and the name inside it stays; the nested «России» goes; the date stays.
        Assert.Equal(["Китая/LOC", "Министерство обороны России/ORG", "5 мая/DATE"], doc.Spans.Select(s => $"{s.Range.Of(doc.Text)}/{s.Type}"));
    }
}
