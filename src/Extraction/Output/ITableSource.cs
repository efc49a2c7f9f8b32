namespace Extraction.Output;

/// <summary>
/// Rows that write their own table records without becoming row objects first (the batch's mention spool copies UTF-8
/// text from its file straight into both tables). The records must be exactly those the row objects would give.
/// </summary>
public interface ITableSource
{
    void WriteCsv(CsvRows csv);

    void WriteJsonLines(JsonLines json);
}
