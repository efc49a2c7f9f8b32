using Extraction.Documents;
using Extraction.Reading;
using Xunit.Abstractions;

namespace Extraction.Tests.Reading;

public sealed class PageFurnitureTests(ITestOutputHelper output)
{
    private static List<string> Furniture(string text) => PageFurniture.Find(text).Select(r => r.Of(text)).ToList();

    private const string Article =
        "Ministers met in Moscow to discuss the results of military cooperation this year.\n" +
        "The minister said that the agreement had been ratified by both parliaments last month.\n";

    [Fact]
    public void ShareRows_Breadcrumbs_RatingsAndDebris_AreFurniture()
    {
        var text =
            "Site Map Facebook Twitter Youtube Instagram VKontakte Odnoklassniki\n" +
            "Home  < News  < More in detail\n\n" +
            Article +
            "1 2 3 4 5\n" +
            "-Not voted-\n" +
            "Rate the information on this page\n" +
            "Post this story to LiveJournal Post this story to twitter Post this story to ВКонтакте\n" +
            "ServerCode=node2 isCompatibilityMode=false\n";
        var found = Furniture(text);
        Assert.Equal(
        [
            "Site Map Facebook Twitter Youtube Instagram VKontakte Odnoklassniki", "Home  < News  < More in detail", "1 2 3 4 5",
            "-Not voted-", "Rate the information on this page",
            "Post this story to LiveJournal Post this story to twitter Post this story to ВКонтакте",
            "ServerCode=node2 isCompatibilityMode=false",
        ], found);
    }

    [Fact]
    public void VerticalMenus_AndBulletedShareLists_AreFurniture()
    {
        var text =
            "Реклама +7(700) 388 81 09\n" +
            "  1. Main\n  2. Learn\n  3. Politics\n  4. Military\n\n" +
            Article +
            "  • Vkontakte\n  • Facebook\n  • Одноклассники\n  • Telegram\n  • Found a bug?\n\n" +
            Article +
            "By Dinara Urazova\n\nJoin Telegram\n";
        var found = Furniture(text);
        Assert.Equal(
        [
            "Реклама +7(700) 388 81 09", "1. Main", "2. Learn", "3. Politics", "4. Military", "• Vkontakte", "• Facebook", "• Одноклассники",
            "• Telegram", "• Found a bug?", "Join Telegram",
        ], found);
    }

    [Fact]
    public void RussianCountersCommentPromptsAndBreadcrumbs_AreFurniture()
    {
        var text =
            "Главная » Новости » Политика\n" +
            "Опубликовано: 70\n\n" +
            "Казахстан и Россия подписали договор о военном сотрудничестве\n\n" +
            "В Нур-Султане состоялась встреча министра обороны Казахстана с российским коллегой.\n" +
            "Стороны обсудили текущее состояние двустороннего военного сотрудничества.\n\n" +
            "Оставить комментарий\n\n" +
            "Оставлять комментарии могут только зарегистрированные пользователи\n" +
            "© 2021 Все права защищены\n";
        Assert.Equal(
        [
            "Главная » Новости » Политика", "Опубликовано: 70", "Оставить комментарий",
            "Оставлять комментарии могут только зарегистрированные пользователи", "© 2021 Все права защищены",
        ], Furniture(text));
    }

    [Fact]
    public void HeadlinesDatelinesBylinesAndShortContent_AreNotFurniture()
    {
        var text =
            "23.12.2015 (15:27)\n\n" +
            "Ministers of Defence of Russia and Kazakhstan summed up the main results of military cooperation in 2015\n\n" +
            "МОСКВА, 23 июня. /ТАСС/. Глава Минобороны России Сергей Шойгу встретился с коллегой.\n" +
            "Взаимодействие между странами\n" +
            "Министр обороны РФ высоко оценил взаимодействие с казахстанскими коллегами.\n" +
            "Шойгу отказался от комментариев\n" +
            "Москва / Астана\n" +
            "The President of Kazakhstan Nazarbayev had a meeting with Minister Akhmetov.\n" +
            "By Dinara Urazova\n" +
            "©Yaroslav Radlovsky\n";
        Assert.Empty(Furniture(text));
    }

    [Fact]
    public void SeedPages_KeepEveryContentLine()
    {
        foreach (var file in Directory.GetFiles(TestSupport.SharedData.SeedsDir).Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var found = Furniture(text);
            output.WriteLine($"{Path.GetFileName(file)}: {string.Join(" | ", found)}");
            foreach (var line in found)
            {
                Assert.False(line.Length > 120, $"a long line was taken for furniture: {line}");
                Assert.False(line.EndsWith('.') && line.Split(' ').Length >= 6, $"a sentence was taken for furniture: {line}");
            }
        }
    }

    [Fact]
    public void Stage_FillsTheFurnitureLayer_UnlessKept()
    {
        var doc = new Document("d", "Facebook Twitter Telegram\n" + Article);
        new FurnitureStage(new FurnitureOptions()).Process(doc);
        Assert.Equal([new TextRange(0, 25)], doc.Furniture);

        new FurnitureStage(new FurnitureOptions { Keep = true }).Process(doc);
        Assert.Empty(doc.Furniture);
    }

    [Fact]
    public void EmptyAndBlankTexts_HaveNoFurniture()
    {
        Assert.Empty(Furniture(""));
        Assert.Empty(Furniture("\n\n  \r\n"));
    }
}
