using Extraction.Documents;

namespace Extraction.Reading;

/// <summary>
/// Finds page furniture in text taken from web pages: menus, breadcrumbs, share-button rows, rating widgets,
/// counters, comment prompts, advert labels and technical footers. It works line by line from general features,
/// never from known lines:
/// <list type="bullet">
/// <item>anywhere: two or more social network names (<c>Facebook Twitter VKontakte</c>); <c>key=value</c> debris;
/// a breadcrumb (short items between <c>&lt; &gt; » › | /</c> separators); a rating scale (<c>1 2 3 4 5</c>); a
/// counter (<c>Views: 70</c>); a short line made only of navigation, section, sharing and social words (<c>• Telegram</c>,
/// <c>Join Telegram</c>, <c>1. Main</c>); a run of short lines most of which are such;</item>
/// <item>before the first and after the last content line (a long line or a sentence): short lines that start with a
/// widget word (<c>Rate…</c>, <c>Оставить комментарий</c>, <c>Реклама</c>), mention votes, or carry a rights notice.</item>
/// </list>
/// A content line has at least 6 words and ends a sentence, or has at least 15 words, and no strong evidence against it;
/// content lines are never furniture.
/// </summary>
public static class PageFurniture
{
    private const int ShortLine = 4;
    private const int WidgetLine = 8;

    /// <summary>Social networks and messengers whose names fill share rows and follow-us blocks.</summary>
    private static readonly HashSet<string> Social = Set(
        "facebook", "twitter", "youtube", "instagram", "vkontakte", "вконтакте", "vk", "вк", "odnoklassniki", "одноклассники",
        "telegram", "телеграм", "телеграмм", "whatsapp", "viber", "livejournal", "linkedin", "pinterest", "reddit", "tiktok",
        "tumblr", "flickr", "skype", "myspace", "digg", "rss", "дзен", "zen", "threads", "mastodon", "snapchat", "wechat",
        "weibo", "line", "ok", "ok.ru", "vk.com", "t.me", "x.com", "rutube", "яндекс.дзен", "google+", "mail.ru", "мой", "мир",
        "email", "e-mail");

    /// <summary>Site navigation, sharing and widget words (English and Russian), including calls to action.</summary>
    private static readonly HashSet<string> Navigation = Set(
        "home", "main", "news", "site", "map", "sitemap", "about", "contact", "contacts", "search", "login", "log", "sign", "in",
        "out", "register", "subscribe", "share", "print", "tweet", "like", "menu", "archive", "more", "back", "next", "previous",
        "prev", "top", "up", "join", "follow", "us", "on", "to", "the", "a", "our", "version", "feedback", "help", "faq", "blog",
        "comments", "comment", "copy", "link", "found", "bug", "report", "error", "typo", "detail", "details", "read", "all",
        "and", "page", "pages", "learn", "главная", "новости", "карта", "сайта", "контакты", "поиск", "войти", "вход", "выход",
        "регистрация", "подписаться", "подпишитесь", "поделиться", "печать", "версия", "для", "печати", "меню", "архив",
        "наверх", "назад", "далее", "еще", "ещё", "все", "нас", "на", "в", "мы", "о", "и", "обратная", "связь", "помощь",
        "комментарии", "комментарий", "скопировать", "ссылку", "нашли", "ошибку", "сообщить", "об", "ошибке", "подробнее",
        "читать", "читайте", "также", "присоединяйтесь", "следите", "нами", "за");

    /// <summary>Newspaper section names used as menu items.</summary>
    private static readonly HashSet<string> Sections = Set(
        "politics", "economy", "business", "world", "sport", "sports", "culture", "society", "science", "tech", "technology",
        "health", "opinion", "opinions", "video", "videos", "photo", "photos", "military", "defence", "defense", "incidents",
        "regions", "region", "auto", "lifestyle", "travel", "weather", "finance", "markets", "media", "multimedia",
        "entertainment", "education", "analytics", "interview", "interviews", "columns", "editorial", "events", "international",
        "политика", "экономика", "бизнес", "мир", "спорт", "культура", "общество", "наука", "технологии", "здоровье", "мнения",
        "видео", "фото", "фоторепортаж", "происшествия", "регионы", "армия", "авто", "финансы", "медиа", "мультимедиа",
        "аналитика", "интервью", "колонки", "события", "образование", "лента", "статьи", "спецпроекты");

    /// <summary>Words that open widget lines: ratings, votes, comment prompts, counters, advert labels.</summary>
    private static readonly HashSet<string> WidgetStart = Set(
        "rate", "rating", "vote", "voted", "votes", "not", "no", "leave", "add", "post", "views", "viewed", "published", "updated",
        "advertisement", "advertising", "ad", "ads", "sponsored", "promo", "tags", "tagged", "share", "print", "subscribe",
        "only", "please", "log", "sign", "оцените", "оценить", "рейтинг", "голосов", "голосовать", "проголосовать", "оставить",
        "оставлять", "оставьте", "добавить", "просмотров", "просмотры", "опубликовано", "обновлено", "реклама", "теги", "метки",
        "поделиться", "подписаться", "подпишитесь", "только", "войдите", "авторизуйтесь", "комментарии", "комментарий",
        "комментировать");

    private static readonly HashSet<string> VoteWords = Set("voted", "votes", "vote", "rated", "rating", "голосов", "голос", "голоса", "оценок", "рейтинг");

    private static readonly string[] RightsNotices =
    [
        "all rights reserved", "все права защищены", "при использовании материалов", "при перепечатке", "reproduction in whole",
        "cookies", "privacy policy", "политика конфиденциальности",
    ];

    private static HashSet<string> Set(params string[] words) => new(words, StringComparer.OrdinalIgnoreCase);

    private struct Line
    {
        public TextRange Range;
        public int Words;
        public bool Content;
        /// <summary>Evidence strong enough anywhere on the page.</summary>
        public bool Strong;
        public bool Furniture;
        /// <summary>Short and made only of navigation, section, sharing or social words.</summary>
        public bool MenuLike;
        public bool Short;
        /// <summary>Starts with a bullet or a list number.</summary>
        public bool ListItem;
    }

    /// <summary>Ranges of furniture lines (trimmed, without the line break), in text order.</summary>
    public static List<TextRange> Find(string text)
    {
        var lines = Analyse(text);
        var result = new List<TextRange>();
        if (lines.Count == 0) return result;

        // A run of short lines most of which are menu-like is a vertical menu or share list: its list items (lines with a
        // bullet or number, like the menu-like ones) are furniture too, e.g. "• Found a bug?" among "• Telegram" lines.
        for (int i = 0; i < lines.Count;)
        {
            if (!lines[i].Short) { i++; continue; }
            int j = i, menu = 0, listed = 0;
            while (j < lines.Count && lines[j].Short)
            {
                if (lines[j].MenuLike)
                {
                    menu++;
                    if (lines[j].ListItem) listed++;
                }
                j++;
            }
            if (j - i >= 3 && menu * 3 >= (j - i) * 2 && listed * 2 > menu)
                for (int k = i; k < j; k++)
                    if (lines[k].ListItem) lines[k] = lines[k] with { Furniture = true };
            i = j;
        }

        int firstContent = lines.FindIndex(l => l.Content);
        int lastContent = lines.FindLastIndex(l => l.Content);
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.Content) continue;
            bool edge = firstContent < 0 || i < firstContent || i > lastContent;
            if (l.Furniture || l.MenuLike || l.Strong || (edge && IsEdgeWidget(text, l)))
                result.Add(l.Range);
        }
        return result;
    }

    /// <summary>Splits the text into non-blank lines with word counts and the two cheap flags.</summary>
    private static List<Line> Analyse(string text)
    {
        var lines = new List<Line>();
        int pos = 0;
        while (pos < text.Length)
        {
            int end = text.AsSpan(pos).IndexOfAny('\n', '\r');
            end = end < 0 ? text.Length : pos + end;
            var range = Trim(text, pos, end);
            pos = end + 1;
            if (range.IsEmpty) continue;
            var span = range.Slice(text);
            int words = CountWords(span);
            bool sentence = EndsSentence(span);
            bool strong = IsStrong(span, words, sentence);
            bool isShort = words <= ShortLine;
            lines.Add(new Line
            {
                Range = range,
                Words = words,
                Strong = strong,
                Content = !strong && ((words >= 6 && sentence) || words >= 15),
                Short = isShort,
                ListItem = IsListItem(span),
                MenuLike = isShort && words > 0 && AllWordsIn(span, Social, Navigation, Sections) && HasAnyWord(span, Social, Navigation, Sections, minLength: 3),
            });
        }
        return lines;
    }

    private static TextRange Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextRange(start, end);
    }

    /// <summary>Evidence strong enough anywhere in the page.</summary>
    private static bool IsStrong(ReadOnlySpan<char> span, int words, bool sentence)
    {
        if (sentence && words >= 6) return false;
        return CountIn(span, Social) >= 2 || IsKeyValueDebris(span) || IsBreadcrumb(span) || IsRatingScale(span) || IsCounter(span);
    }

    /// <summary>Widget lines recognised only before the first or after the last content line.</summary>
    private static bool IsEdgeWidget(string text, Line line)
    {
        if (line.Words > WidgetLine) return false;
        var span = line.Range.Slice(text);
        var first = FirstWord(span);
        if (!first.IsEmpty && Contains(WidgetStart, first)) return true;
        if (line.Words <= ShortLine && CountIn(span, VoteWords) > 0) return true;
        foreach (var notice in RightsNotices)
            if (span.Contains(notice, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary><c>ServerCode=node2 isCompatibilityMode=false</c>: at least half the items are key=value pairs.</summary>
    private static bool IsKeyValueDebris(ReadOnlySpan<char> span)
    {
        int items = 0, pairs = 0;
        foreach (var r in span.SplitAny(" \t"))
        {
            var item = span[r];
            if (item.IsEmpty) continue;
            items++;
            int eq = item.IndexOf('=');
            if (eq > 0 && eq < item.Length - 1 && char.IsLetter(item[0])) pairs++;
        }
        return pairs > 0 && pairs * 2 >= items;
    }

    /// <summary><c>Home &lt; News &lt; More</c>, <c>Главная » Новости » Мир</c>, <c>Home | About | Contacts</c>: three or more short items between spaced separators.</summary>
    private static bool IsBreadcrumb(ReadOnlySpan<char> span)
    {
        int separators = 0, wordsInItem = 0;
        for (int i = 0; i < span.Length; i++)
        {
            char c = span[i];
            bool spacedBefore = i > 0 && char.IsWhiteSpace(span[i - 1]);
            bool spacedAfter = i + 1 < span.Length && char.IsWhiteSpace(span[i + 1]);
            if (c is '<' or '>' or '»' or '›' or '‹' or '|' or '/' or '→' or '·' && spacedBefore && spacedAfter)
            {
                if (wordsInItem == 0 || wordsInItem > ShortLine) return false;
                separators++;
                wordsInItem = 0;
            }
            else if (char.IsLetterOrDigit(c) && (i == 0 || !char.IsLetterOrDigit(span[i - 1]))) wordsInItem++;
        }
        return separators >= 2 && wordsInItem is > 0 and <= ShortLine;
    }

    /// <summary><c>1 2 3 4 5</c>: three or more consecutive small numbers and nothing else.</summary>
    private static bool IsRatingScale(ReadOnlySpan<char> span)
    {
        int expected = -1, count = 0;
        foreach (var r in span.SplitAny(" \t"))
        {
            var item = span[r];
            if (item.IsEmpty) continue;
            if (!int.TryParse(item, out int n) || n > 20) return false;
            if (expected >= 0 && n != expected) return false;
            expected = n + 1;
            count++;
        }
        return count >= 3;
    }

    /// <summary><c>Views: 70</c>, <c>Опубликовано: 70</c>: one label word, a colon and a plain number.</summary>
    private static bool IsCounter(ReadOnlySpan<char> span)
    {
        int colon = span.IndexOf(':');
        if (colon <= 0) return false;
        var label = span[..colon].Trim();
        var value = span[(colon + 1)..].Trim();
        if (label.IsEmpty || value.IsEmpty || label.ContainsAny(" \t")) return false;
        foreach (var c in label) if (!char.IsLetter(c)) return false;
        foreach (var c in value) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }

    /// <summary><c>• Item</c>, <c>- Item</c>, <c>1. Item</c>, <c>2) Item</c>.</summary>
    private static bool IsListItem(ReadOnlySpan<char> span)
    {
        if (span.Length < 2) return false;
        if (span[0] is '•' or '·' or '*' or '-' or '–' or '—' or '▪' or '►' or '○' or '◦') return span[1] == ' ';
        int i = 0;
        while (i < span.Length && char.IsAsciiDigit(span[i])) i++;
        return i is > 0 and <= 3 && i + 1 < span.Length && span[i] is '.' or ')' && span[i + 1] == ' ';
    }

    private static bool EndsSentence(ReadOnlySpan<char> span)
    {
        var t = span.TrimEnd("\"'»”)] ");
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…' or ';';
    }

    /// <summary>Letters and digits that start a word (one not glued to a word character before it).</summary>
    private static int CountWords(ReadOnlySpan<char> span)
    {
        int words = 0;
        bool afterWordChar = false;
        foreach (char c in span)
        {
            bool letterOrDigit = IsLetterOrDigit(c);
            if (letterOrDigit && !afterWordChar) words++;
            afterWordChar = letterOrDigit || IsJoiner(c);
        }
        return words;
    }

    private static bool IsWordChar(char c) => IsLetterOrDigit(c) || IsJoiner(c);

    private static bool IsJoiner(char c) => c is '.' or '-' or '+' or '\'' or '’';

    /// <summary><see cref="char.IsLetterOrDigit(char)"/>, answered at once for ASCII and the Russian alphabet (every line's every character asks).</summary>
    private static bool IsLetterOrDigit(char c) =>
        c < 128 ? char.IsAsciiLetterOrDigit(c) : c is >= 'А' and <= 'я' or 'Ё' or 'ё' || char.IsLetterOrDigit(c);

    /// <summary>
    /// Words of a line: runs of letters, digits and the joiners <c>. - + '</c>, trimmed of joiners at the ends. Enumerated in
    /// place (every line of every document passes here), no list is built.
    /// </summary>
    private ref struct Words(ReadOnlySpan<char> span)
    {
        private readonly ReadOnlySpan<char> _span = span;
        private int _i;

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly Words GetEnumerator() => this;

        public bool MoveNext()
        {
            var span = _span;
            int i = _i;
            while (i < span.Length)
            {
                while (i < span.Length && !IsLetterOrDigit(span[i])) i++;
                int start = i;
                while (i < span.Length && IsWordChar(span[i])) i++;
                int end = i;
                while (end > start && !IsLetterOrDigit(span[end - 1])) end--;
                if (end > start)
                {
                    _i = i;
                    Current = span[start..end];
                    return true;
                }
            }
            _i = i;
            return false;
        }
    }

    private static ReadOnlySpan<char> FirstWord(ReadOnlySpan<char> span)
    {
        var words = new Words(span);
        return words.MoveNext() ? words.Current : default;
    }

    private static bool Contains(HashSet<string> set, ReadOnlySpan<char> word) =>
        set.GetAlternateLookup<ReadOnlySpan<char>>().Contains(word);

    private static int CountIn(ReadOnlySpan<char> span, HashSet<string> set)
    {
        int n = 0;
        foreach (var w in new Words(span)) if (Contains(set, w)) n++;
        return n;
    }

    /// <summary>Every word is in one of the sets or is a list number (<c>1.</c>, <c>2)</c>).</summary>
    private static bool AllWordsIn(ReadOnlySpan<char> span, params ReadOnlySpan<HashSet<string>> sets)
    {
        foreach (var w in new Words(span))
        {
            bool known = IsAllDigits(w);
            foreach (var s in sets) known |= Contains(s, w);
            if (!known) return false;
        }
        return true;
    }

    private static bool HasAnyWord(ReadOnlySpan<char> span, HashSet<string> a, HashSet<string> b, HashSet<string> c, int minLength)
    {
        foreach (var w in new Words(span))
        {
            if (w.Length >= minLength && (Contains(a, w) || Contains(b, w) || Contains(c, w))) return true;
        }
        return false;
    }

    private static bool IsAllDigits(ReadOnlySpan<char> w)
    {
        foreach (var c in w) if (!char.IsAsciiDigit(c)) return false;
        return true;
    }
}
