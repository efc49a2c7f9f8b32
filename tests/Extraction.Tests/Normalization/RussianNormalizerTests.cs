using Extraction.Documents;
using Extraction.Tests.Morphology;

namespace Extraction.Tests.Normalization;

/// <summary>Tables of inflected mention → normal form: every pattern in the six cases, both genders for persons.</summary>
public sealed class RussianNormalizerTests
{
    private static string Normalize(string surface, EntityType type) => ShippedModels.Normalizer.Normalize(surface, type);

    /// <summary>A paradigm: the nominative first, then gent, datv, accs, ablt, loct.</summary>
    private static TheoryData<string, string> Cases(params string[] forms)
    {
        var data = new TheoryData<string, string>();
        foreach (var f in forms) data.Add(f, forms[0]);
        return data;
    }

    public static TheoryData<string, string> MaleNames => Merge(
        Cases("Нурлан Ермекбаев", "Нурлана Ермекбаева", "Нурлану Ермекбаеву", "Нурлана Ермекбаева", "Нурланом Ермекбаевым", "Нурлане Ермекбаеве"),
        Cases("Руслан Жаксылыков", "Руслана Жаксылыкова", "Руслану Жаксылыкову", "Руслана Жаксылыкова", "Русланом Жаксылыковым", "Руслане Жаксылыкове"),
        Cases("Сергей Шойгу", "Сергея Шойгу", "Сергею Шойгу", "Сергея Шойгу", "Сергеем Шойгу", "Сергее Шойгу"),
        Cases("Сергей Кужугетович Шойгу", "Сергея Кужугетовича Шойгу", "Сергею Кужугетовичу Шойгу", "Сергея Кужугетовича Шойгу", "Сергеем Кужугетовичем Шойгу", "Сергее Кужугетовиче Шойгу"),
        Cases("Владимир Путин", "Владимира Путина", "Владимиру Путину", "Владимира Путина", "Владимиром Путиным", "Владимире Путине"),
        Cases("Касым-Жомарт Токаев", "Касым-Жомарта Токаева", "Касым-Жомарту Токаеву", "Касым-Жомарта Токаева", "Касым-Жомартом Токаевым", "Касым-Жомарте Токаеве"));

    public static TheoryData<string, string> FemaleNames => Merge(
        Cases("Анна Иванова", "Анны Ивановой", "Анне Ивановой", "Анну Иванову", "Анной Ивановой", "Анне Ивановой"),
        Cases("Динара Ермекбаева", "Динары Ермекбаевой", "Динаре Ермекбаевой", "Динару Ермекбаеву", "Динарой Ермекбаевой", "Динаре Ермекбаевой"),
        Cases("Мария Владимировна Захарова", "Марии Владимировны Захаровой", "Марии Владимировне Захаровой", "Марию Владимировну Захарову", "Марией Владимировной Захаровой", "Марии Владимировне Захаровой"),
        Cases("Тереза Мэй", "Терезы Мэй", "Терезе Мэй", "Терезу Мэй", "Терезой Мэй", "Терезе Мэй"),
        Cases("Ангела Меркель", "Ангелы Меркель", "Ангеле Меркель", "Ангелу Меркель", "Ангелой Меркель", "Ангеле Меркель"));

    /// <summary>
    /// A man's foreign surname in -а after an indeclinable first name: the nominative stays (it is not the genitive of
    /// «Камикав»), the genitive in -ы goes back to -а. The other oblique forms stay ambiguous out of context («Маэхаре»
    /// reads like an indeclinable «Гёте», «Маэхарой» like «Толстой», «Маэхару» like «Нисипяну», and a genitive in -и
    /// like «Берлускони»), so they are not listed.
    /// </summary>
    public static TheoryData<string, string> ForeignSurnamesInA => Merge(
        Cases("Тору Камикава", "Тору Камикавы"),
        Cases("Сэйдзи Маэхара", "Сэйдзи Маэхары"),
        Cases("Хорхе Ларрионда", "Хорхе Ларрионды"));

    /// <summary>Foreign names: dictionary surnames declining like feminine nouns, name particles, Turkic patronymics.</summary>
    public static TheoryData<string, string> ForeignMaleNames => Merge(
        Cases("Масахару Коно", "Масахару Коно", "Масахару Коно", "Масахару Коно", "Масахару Коно", "Масахару Коно"),
        Cases("Барак Обама", "Барака Обамы", "Бараку Обаме", "Барака Обаму", "Бараком Обамой", "Бараке Обаме"),
        Cases("Усама бин Ладен", "Усамы бин Ладена", "Усаме бин Ладену", "Усаму бин Ладена", "Усамой бин Ладеном", "Усаме бин Ладене"),
        Cases("Ильхам Гейдар оглы Алиев", "Ильхама Гейдар оглы Алиева", "Ильхаму Гейдар оглы Алиеву", "Ильхама Гейдар оглы Алиева", "Ильхамом Гейдар оглы Алиевым", "Ильхаме Гейдар оглы Алиеве"),
        Cases("Абай Кунанбайулы", "Абая Кунанбайулы", "Абаю Кунанбайулы", "Абая Кунанбайулы", "Абаем Кунанбайулы", "Абае Кунанбайулы"));

    public static TheoryData<string, string> ForeignFemaleNames => Merge(
        Cases("Хиллари Клинтон", "Хиллари Клинтон", "Хиллари Клинтон", "Хиллари Клинтон", "Хиллари Клинтон", "Хиллари Клинтон"),
        Cases("Урсула фон дер Ляйен", "Урсулы фон дер Ляйен", "Урсуле фон дер Ляйен", "Урсулу фон дер Ляйен", "Урсулой фон дер Ляйен", "Урсуле фон дер Ляйен"),
        Cases("Мехрибан Ариф кызы Алиева", "Мехрибан Ариф кызы Алиевой", "Мехрибан Ариф кызы Алиевой", "Мехрибан Ариф кызы Алиеву", "Мехрибан Ариф кызы Алиевой", "Мехрибан Ариф кызы Алиевой"),
        Cases("Асия Биби", "Асии Биби", "Асии Биби", "Асию Биби", "Асией Биби", "Асии Биби"));

    public static TheoryData<string, string> Organisations => Merge(
        Cases("Министерство обороны России", "Министерства обороны России", "Министерству обороны России", "Министерство обороны России", "Министерством обороны России", "Министерстве обороны России"),
        Cases("Вооруженные силы Российской Федерации", "Вооруженных сил Российской Федерации", "Вооруженным силам Российской Федерации", "Вооруженные силы Российской Федерации", "Вооруженными силами Российской Федерации", "Вооруженных силах Российской Федерации"),
        Cases("Государственная дума", "Государственной думы", "Государственной думе", "Государственную думу", "Государственной думой", "Государственной думе"),
        Cases("Организация Объединенных Наций", "Организации Объединенных Наций", "Организации Объединенных Наций", "Организацию Объединенных Наций", "Организацией Объединенных Наций", "Организации Объединенных Наций"),
        Cases("компания «Газпром»", "компании «Газпром»", "компании «Газпром»", "компанию «Газпром»", "компанией «Газпром»", "компании «Газпром»"));

    public static TheoryData<string, string> Places => Merge(
        Cases("Российская Федерация", "Российской Федерации", "Российской Федерации", "Российскую Федерацию", "Российской Федерацией", "Российской Федерации"),
        Cases("Центрально-Азиатский регион", "Центрально-Азиатского региона", "Центрально-Азиатскому региону", "Центрально-Азиатский регион", "Центрально-Азиатским регионом", "Центрально-Азиатском регионе"),
        Cases("Нур-Султан", "Нур-Султана", "Нур-Султану", "Нур-Султан", "Нур-Султаном", "Нур-Султане"),
        Cases("Соединенные Штаты Америки", "Соединенных Штатов Америки", "Соединенным Штатам Америки", "Соединенные Штаты Америки", "Соединенными Штатами Америки", "Соединенных Штатах Америки"),
        Cases("Казахстан", "Казахстана", "Казахстану", "Казахстан", "Казахстаном", "Казахстане"));

    private static TheoryData<string, string> Merge(params TheoryData<string, string>[] tables)
    {
        var all = new TheoryData<string, string>();
        foreach (var t in tables)
            foreach (var row in t) all.Add((string)row[0], (string)row[1]);
        return all;
    }

    [Theory, MemberData(nameof(MaleNames))]
    public void Male_names_go_to_the_nominative(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.PER));

    [Theory, MemberData(nameof(FemaleNames))]
    public void Female_names_go_to_the_nominative_in_the_feminine(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.PER));

    [Theory, MemberData(nameof(ForeignSurnamesInA))]
    public void Foreign_surnames_in_a_after_indeclinable_first_names(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.PER));

    [Theory, MemberData(nameof(ForeignMaleNames))]
    public void Foreign_male_names_keep_what_does_not_decline(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.PER));

    [Theory, MemberData(nameof(ForeignFemaleNames))]
    public void Foreign_female_names_keep_what_does_not_decline(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.PER));

    [Theory, MemberData(nameof(Organisations))]
    public void Organisations_put_the_head_and_its_modifiers_in_the_nominative(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.ORG));

    [Theory, MemberData(nameof(Places))]
    public void Places_put_the_head_and_its_modifiers_in_the_nominative(string surface, string expected) => Assert.Equal(expected, Normalize(surface, EntityType.LOC));

    [Theory]
    [InlineData("с Русланом Жаксылыковым", EntityType.PER, "Руслан Жаксылыков")]
    [InlineData("ОДКБ", EntityType.ORG, "ОДКБ")]
    [InlineData("Минобороны", EntityType.ORG, "Минобороны")]
    [InlineData("МИДа", EntityType.ORG, "МИД")]
    [InlineData("НАТО", EntityType.ORG, "НАТО")]
    [InlineData("нурлана ермекбаева", EntityType.PER, "нурлан ермекбаев")]
    [InlineData("Фёдорова", EntityType.PER, "Фёдоров")]
    [InlineData("Обамой", EntityType.PER, "Обама")]
    [InlineData("Ла-Манша", EntityType.LOC, "Ла-Манш")]
    [InlineData("британцев", EntityType.PER, "британцы")]
    [InlineData("Министерством   обороны\nРоссии", EntityType.ORG, "Министерство обороны России")]
    [InlineData("Нур‑Султане", EntityType.LOC, "Нур-Султан")]
    public void Special_cases(string surface, EntityType type, string expected) => Assert.Equal(expected, Normalize(surface, type));
}
