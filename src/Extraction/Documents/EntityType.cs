namespace Extraction.Documents;

/// <summary>The four entity types of the output contract. Their names are the exact strings written to the tables.</summary>
public enum EntityType : byte
{
    PER = 0,
    ORG = 1,
    LOC = 2,
    DATE = 3,
}

public static class EntityTypes
{
    public static readonly EntityType[] All = [EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.DATE];

    public static string Code(this EntityType type) => type switch
    {
        EntityType.PER => "PER",
        EntityType.ORG => "ORG",
        EntityType.LOC => "LOC",
        EntityType.DATE => "DATE",
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };

    public static bool TryParse(ReadOnlySpan<char> code, out EntityType type)
    {
        switch (code)
        {
            case "PER": type = EntityType.PER; return true;
            case "ORG": type = EntityType.ORG; return true;
            case "LOC": type = EntityType.LOC; return true;
            case "DATE": type = EntityType.DATE; return true;
            default: type = default; return false;
        }
    }

    public static EntityType Parse(string code) =>
        TryParse(code, out var t) ? t : throw new FormatException($"Unknown entity type '{code}': expected PER, ORG, LOC or DATE.");
}
