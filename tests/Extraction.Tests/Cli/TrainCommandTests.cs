using Extraction.Cli;

namespace Extraction.Tests.Cli;

public sealed class TrainCommandTests
{
    [Theory]
    [InlineData("--caps-rate", "-0.1")]
    [InlineData("--lower-rate", "1.5")]
    [InlineData("--swap-names", "2")]
    [InlineData("--hash-bits", "30")]
    public void Out_of_range_options_are_usage_errors_before_any_data_is_read(string option, string value) =>
        Assert.Equal(Program.UsageError, Program.Main(["train", "ner", "--lang", "ru", "--train", "no-such-corpus", "--out", "never.bin", option, value]));
}
