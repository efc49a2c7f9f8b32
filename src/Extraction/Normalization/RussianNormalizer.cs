using Extraction.Documents;
using Extraction.Morphology;

namespace Extraction.Normalization;

/// <summary>
/// Russian normal forms of PER/ORG/LOC mentions, spelled like the text (the stem is copied from the mention; only
/// endings change, so capitalisation and е/ё stay as written).
/// <para>Persons: every (gender, case) hypothesis is scored over all name words at once (agreement inside the
/// mention): each word's best reading in that gender and case (dictionary first/last names and patronymics, then
/// guesses from the ending), weighed by the first-name list and the gender rules; the best hypothesis puts every
/// word to the nominative singular of that gender. Names the dictionary does not know are read through the petrovich
/// declension rules backwards. A PER mention that names a group («британцев») keeps its number like a phrase.</para>
/// <para>Organisations and places: the head is the first noun after a run of agreeing adjectives and participles;
/// the head goes to the nominative keeping its number, the modifiers follow it (each within its own paradigm, so a
/// participle stays a participle), and everything after the head (genitive tails, quoted names) stays.
/// Abbreviations stay («ОДКБ», «Минобороны»), and an inflected abbreviation loses its ending («МИДа» → «МИД»).</para>
/// </summary>
public sealed class RussianNormalizer(RussianMorphology morph, NameRules names)
{
    private const int MaxParses = 48;
    private static readonly float[] CasePrior = [0.35f, 0.30f, 0.08f, 0.10f, 0.10f, 0.07f];
    private const double MalePrior = 0.65;
    private const double IndeclinableOblique = 0.4;
    private const double RuleOnlyAfterDictionaryName = 0.1;
    private const double FrozenPart = 0.5;
    // A reading that gives a name the document shows in the nominative elsewhere outweighs whatever the word alone says
    // (its case and gender priors, a dictionary name it also spells: «Данна» after «Питер Данн» is Данн's genitive).
    private const double InDocument = 1000;
    // How much an ORG/LOC modifier's likelier gender counts when its head is chosen (see NormalizePhrase).
    private const double ModifierGenderWeight = 0.1;
    // Weight of a guessed plural reading of an ORG/LOC head (see NormalizePhrase).
    private const double GuessedPluralName = 0.2;
    // Weight of an ORG/LOC head followed by a word that cannot stand after a head (see CanFollowHead).
    private const double UnlikelyAfterHead = 0.1;

    public string Normalize(string surface, EntityType type) => Normalize(surface, type, null);

    /// <summary>
    /// The normal form, preferring for a person's name words the readings whose nominative is in
    /// <paramref name="nominatives"/> (folded name words the document shows in the nominative, see <see cref="PersonContext"/>).
    /// </summary>
    public string Normalize(string surface, EntityType type, IReadOnlySet<string>? nominatives)
    {
        var parts = MentionText.Split(surface, russian: true);
        if (type == EntityType.PER) NormalizePerson(parts, nominatives);
        else NormalizePhrase(parts, type);
        return MentionText.Join(parts);
    }

    /// <summary>
    /// A person's or place's name written all in capitals in ordinary text («МОСКВА, 15 мая. /ТАСС/.», a dateline), spelt as
    /// running text writes it, or null when <paramref name="surface"/> is not one. It is re-spelt only when a word of it looks
    /// like a word, not an acronym: four letters or more, two vowels or more, no abbreviation reading in the dictionary
    /// («МОСКВА», «НЬЮ-ЙОРК», «СЕРГЕЙ ШОЙГУ»; not «КНР», «СКФО», «УНН»). Its words of two letters or more (acronyms aside)
    /// then get their capital and lower case after it, except that a place's hyphenated part of two letters after the first
    /// is all lower case («РОСТОВ-НА-ДОНУ» → «Ростов-на-Дону»); one-letter initials stay.
    /// </summary>
    public string? SpellCapitals(string surface, EntityType type)
    {
        if (type is not (EntityType.PER or EntityType.LOC) || surface.AsSpan().ContainsAnyInRange('а', 'я')
            || !surface.AsSpan().ContainsAnyInRange('А', 'Я') || surface.AsSpan().ContainsAnyInRange('a', 'z')) return null;
        // Acronyms («РФ», «США») are most capitals: they fail the cheap tests before the dictionary is asked.
        bool wordLike = false;
        for (int i = 0; i < surface.Length && !wordLike;)
        {
            if (!char.IsLetter(surface[i])) { i++; continue; }
            int start = i;
            while (i < surface.Length && char.IsLetter(surface[i])) i++;
            var word = surface.AsSpan(start, i - start);
            wordLike = word.Length >= 4 && CapitalVowels(word) >= 2 && !IsAbbreviation(word);
        }
        if (!wordLike) return null;
        var chars = surface.ToCharArray();
        for (int end = 0; end < surface.Length;)
        {
            if (!char.IsLetter(surface[end])) { end++; continue; }
            int start = end;
            while (end < surface.Length && char.IsLetter(surface[end])) end++;
            if (end - start < 2 || IsAbbreviation(surface.AsSpan(start, end - start))) continue;
            for (int k = start + 1; k < end; k++) chars[k] = char.ToLowerInvariant(chars[k]);
            if (type == EntityType.LOC && end - start == 2 && start > 0 && chars[start - 1] is '-' or '‐' or '‑')
                chars[start] = char.ToLowerInvariant(chars[start]);
        }
        return new string(chars);

        bool IsAbbreviation(ReadOnlySpan<char> word) =>
            morph.IsKnown(word) && !morph.EveryDictionaryReading(word, static g => !g.Has(Grammemes.Abbr));

        static int CapitalVowels(ReadOnlySpan<char> word)
        {
            int n = 0;
            foreach (var c in word)
                if (c is 'А' or 'Е' or 'Ё' or 'И' or 'О' or 'У' or 'Ы' or 'Э' or 'Ю' or 'Я') n++;
            return n;
        }
    }

    // ---------------------------------------------------------------- persons

    private void NormalizePerson(List<MentionPart> parts, IReadOnlySet<string>? nominatives)
    {
        DropLeadingWords(parts);
        SplitDoubleNames(parts);
        var words = new List<int>();
        for (int i = 0; i < parts.Count; i++)
            if (parts[i].IsWord && !parts[i].Quoted && IsCyrillic(parts[i].Text) && !IsInitial(parts, i) && !IsAbbreviation(parts[i].Text)
                && !NameParticles.Contains(parts[i].Text) && !BeforePatronymicParticle(parts, i) && !IsTurkicPatronymic(parts[i].Text))
                words.Add(i);
        if (words.Count == 0) return;

        var parses = words.Select(i => morph.Analyse(parts[i].Text, alwaysGuess: true)).ToArray();
        if (IsGroupOfPeople(parts[words[0]].Text, parses))
        {
            NormalizePhrase(parts, EntityType.PER);
            return;
        }
        var best = new string[words.Count];
        double bestScore = double.NegativeInfinity;
        var current = new string[words.Count];
        bool particle = parts.Any(p => p.IsWord && NameParticles.Contains(p.Text));
        // A lone word that is a form of a listed man's first name and of a listed woman's («Раиса»: Раиса, or Раис's
        // genitive; «Раису»; «Александра») says nothing about the gender, so news's leaning towards men does not decide
        // it: the readings weigh by themselves (the nominative of the one against an oblique case of the other), and the
        // document's other mentions still settle it.
        bool syllabic = IsEastAsianName(parts, words);
        double malePrior = words.Count == 1 && FormOfFirstNamesOfBothGenders(parts[words[0]].Text, parses[0]) ? 0.5 : MalePrior;
        foreach (var gender in new[] { NameGender.Male, NameGender.Female })
        {
            for (int c = 0; c < Grammemes.MainCases.Length; c++)
            {
                double score = Hypothesis(gender, c, nominatives, out bool wholeName);
                // Several name words agree with each other, which a single word the document shows must not overrule
                // («Ирина Турова» beside «Максим Туров»): they learn only a whole name the document shows.
                if (nominatives is not null && words.Count > 1 && !wholeName) score = Hypothesis(gender, c, null, out _);
                if (score > bestScore) { bestScore = score; current.CopyTo(best, 0); }
            }
        }
        for (int w = 0; w < words.Count; w++) parts[words[w]] = parts[words[w]] with { Text = KeepSegmentCase(parts[words[w]].Text, best[w]) };

        // The score of reading every name word in this gender and case, their nominatives left in current; shown when
        // each word's reading gives a nominative the document shows (context).
        double Hypothesis(NameGender gender, int c, IReadOnlySet<string>? context, out bool shown)
        {
            double score = Math.Log(gender == NameGender.Male ? malePrior : 1 - malePrior) + Math.Log(CasePrior[c]);
            bool indeclinable = particle, knownOblique = false, nominativeLike = false;
            shown = context is not null;
            for (int w = 0; w < words.Count; w++)
            {
                int first = w, last = w; // the parts of a double name («Петровой-Водкиной») stand where the whole name does
                while (first > 0 && IsHyphenBetween(parts, words[first - 1], words[first])) first--;
                while (last < words.Count - 1 && IsHyphenBetween(parts, words[last], words[last + 1])) last++;
                var position = first == 0 && last == words.Count - 1 ? Position.Only : first == 0 ? Position.First : last == words.Count - 1 ? Position.Last : Position.Middle;
                var word = parts[words[w]].Text;
                var (form, s, known, inDocument) = BestNameReading(word, parses[w], gender, c, position, context);
                // Only the last part of a double first name declines («Жан-Клода», «Касым-Жомарту»); the parts of
                // a double surname mostly decline each («Петровой-Водкиной»), but may stay («Немировича-Данченко»).
                // The syllables of an East Asian name before the last mostly stay as they are, and only the last declines
                // («Ким Чен Ына», «Дэн Сяопина»; the surname may decline too: «Кима Чен Ира»). A Russian name has no
                // one-syllable middle word of three letters or fewer, and a short first name that declines («Тома
                // Круза») reads better declined than left, so it still declines.
                if (syllabic && w < words.Count - 1 && c > 0)
                {
                    var (_, ns, _, nsInDocument) = BestNameReading(word, parses[w], gender, 0, position, context);
                    if (w > 0 || ns >= s) (form, s, known, inDocument) = (word, ns, false, nsInDocument);
                }
                else if (w < last && c > 0)
                {
                    var (_, ns, _, nsInDocument) = BestNameReading(word, parses[w], gender, 0, position, context);
                    if (position == Position.First) (form, s, known, inDocument) = (word, ns, false, nsInDocument);
                    else if (ns * FrozenPart > s) (form, s, known, inDocument) = (word, ns * FrozenPart, false, nsInDocument);
                }
                current[w] = form;
                shown &= inDocument;
                score += Math.Log(s);
                indeclinable |= form == word && char.ToLowerInvariant(word[^1]) is 'о' or 'у' or 'ю' or 'е' or 'и' or 'э' && !IsKunya(word, w, words.Count);
                knownOblique |= form != word && (known || IsProductiveSurname(Letters.Fold(form), gender));
                nominativeLike |= form != word && char.ToLowerInvariant(word[^1]) is 'а' or 'я' or 'у' or 'ю';
            }
            // A word left as it is in an oblique case ends in a vowel that does not decline: a foreign name («Тору»,
            // «Хорхе», «Коно»), as a name particle («ибн») shows one. Its neighbour in -а or -у is then mostly a
            // foreign name in the nominative too («Тору Камикава» is not the genitive of «Камикав», «Масахару Коно»
            // not the dative of «Масахар», «ибн Сина» not the genitive of «Син»), unless a name the dictionary or the
            // first-name list knows is inflected («Александра Лукашенко», «Усамы бин Ладена»).
            if (indeclinable && nominativeLike && !knownOblique && c > 0 && (words.Count > 1 || particle)) score += Math.Log(IndeclinableOblique);
            return score;
        }
    }

    /// <summary>
    /// An East Asian name (see Hypothesis): three words or more whose middle words are one-syllable words of three letters
    /// or fewer («Ким Чен Ына»), or two words whose first is one («Дэн Сяопина», «Ван Цзюнем») and whose last ends like a
    /// genitive or instrumental (a foreign name in -е or -и, «Юн Фоссе», is left to the general rules); the words are
    /// separate, capitalised and Cyrillic, and the last has three letters or more (a two-letter last syllable, «Ким Ю На»,
    /// does not decline).
    /// </summary>
    private static bool IsEastAsianName(List<MentionPart> parts, List<int> words)
    {
        if (words.Count < 2) return false;
        for (int w = 0; w < words.Count; w++)
        {
            var t = parts[words[w]].Text;
            if (!char.IsUpper(t[0]) || !IsCyrillic(t) || t.Skip(1).Any(c => !char.IsLower(c))) return false;
            if (w > 0 && IsHyphenBetween(parts, words[w - 1], words[w])) return false;
        }
        var last = parts[words[^1]].Text;
        if (last.Length < 3) return false;
        if (words.Count == 2)
            return parts[words[0]].Text.Length <= 3
                   && (last.EndsWith('а') || last.EndsWith('я') || last.EndsWith("ом", StringComparison.Ordinal) || last.EndsWith("ем", StringComparison.Ordinal));
        for (int w = 1; w < words.Count - 1; w++)
            if (parts[words[w]].Text.Length > 3) return false;
        return true;
    }

    /// <summary>
    /// An Arabic kunya («Абу», father of; «Умм», mother of) before the rest of the name: it stays as it is, but the
    /// name after it declines like any other («Абу Бакра», «Абу Мазеном»), so it is no sign of an indeclinable foreign name.
    /// </summary>
    private static bool IsKunya(string word, int w, int count) =>
        w < count - 1 && (word.Equals("Абу", StringComparison.OrdinalIgnoreCase) || word.Equals("Умм", StringComparison.OrdinalIgnoreCase));

    /// <summary>Whether a word's dictionary readings are forms of a listed man's first name and of a listed woman's.</summary>
    private bool FormOfFirstNamesOfBothGenders(string word, MorphParse[] parses)
    {
        bool male = false, female = false;
        foreach (var p in parses)
        {
            if (p.IsGuess || !morph.Tag(p).Has(Grammemes.Name)) continue;
            var listed = names.FirstName(Letters.Fold(morph.Lemma(word, p)));
            male |= listed == NameGender.Male;
            female |= listed == NameGender.Female;
        }
        return male && female;
    }

    /// <summary>
    /// Splits a hyphenated name the dictionary does not know as a whole into its capitalised parts («Петровой-Водкиной»,
    /// «Немировича-Данченко», «Жан-Клода»), so each part is read on its own; known ones («Римского-Корсакова») stay whole.
    /// </summary>
    private void SplitDoubleNames(List<MentionPart> parts)
    {
        for (int i = parts.Count - 1; i >= 0; i--)
        {
            var text = parts[i].Text;
            if (!parts[i].IsWord || parts[i].Quoted || !text.Contains('-') || morph.IsKnown(text)) continue;
            var segments = text.Split('-');
            if (segments.Any(g => g.Length < 2 || !char.IsUpper(g[0]))) continue;
            var split = new List<MentionPart>();
            foreach (var g in segments)
            {
                if (split.Count > 0) split.Add(new MentionPart("-", false, parts[i].Quoted));
                split.Add(parts[i] with { Text = g });
            }
            parts.RemoveAt(i);
            parts.InsertRange(i, split);
        }
    }

    private static bool IsHyphenBetween(List<MentionPart> parts, int a, int b) => b == a + 2 && parts[a + 1].Text == "-";

    /// <summary>
    /// Drops leading prepositions, conjunctions and particles («с Русланом …»), and, when the mention has capitalised
    /// words, the lower-case words before the first of them («президента Путина»).
    /// </summary>
    private void DropLeadingWords(List<MentionPart> parts)
    {
        int first = -1;
        for (int i = 0; i < parts.Count && first < 0; i++)
            if (parts[i].IsWord && (char.IsUpper(parts[i].Text[0]) || NameParticles.Contains(parts[i].Text) && NextWord(parts, i) is { } n && char.IsUpper(parts[n].Text[0])))
                first = i;
        if (first > 0) parts.RemoveRange(0, first);
        while (true)
        {
            int w = parts.FindIndex(p => p.IsWord);
            int next = w < 0 ? -1 : parts.FindIndex(w + 1, p => p.IsWord);
            if (next < 0) return;
            if (NameParticles.Contains(parts[w].Text) || IsDottedInitial(parts, w)) return; // «В. В. Путиным» starts with initials
            // A name of one-syllable words («Ли Со Ён», «У Тан») is Korean, Chinese, Burmese…: its syllables may spell a
            // particle or a preposition and still be the name.
            if (parts.Where(p => p.IsWord).All(p => p.Text.Length <= 3)) return;
            // An enclitic particle never opens a phrase, so a capitalised «Ли» first is a name («Ли Кэцяна»).
            if (Enclitics.Contains(parts[w].Text)) return;
            // The weight of the word's dictionary readings as a preposition, conjunction or particle. A capitalised word
            // goes only when it is mostly one («Но», «С»): «Ван» is a place and a name more often than the rare particle
            // («Ван Цзюнем»).
            double function = morph.Analyse(parts[w].Text)
                .Where(p => !p.IsGuess && morph.Tag(p).HasAny(Grammemes.Prep | Grammemes.Conj | Grammemes.Prcl)).Sum(p => p.Score);
            if (function <= 0 || char.IsUpper(parts[w].Text[0]) && function < 0.5) return;
            parts.RemoveRange(0, next);
        }
    }

    /// <summary>
    /// Lower-case particles inside foreign names, which do not decline and do not make the name's case: Arabic
    /// «бин», «ибн», «аль», Dutch and German «ван», «фон», «дер», Romance «де», «ди», «дю», «ла», «ле», and the
    /// Turkic patronymic words «оглы», «улы», «уулу», «кызы», «гызы» (the father's name before them stays as it is too).
    /// </summary>
    private static readonly HashSet<string> NameParticles = new(StringComparer.Ordinal)
    {
        "бин", "ибн", "бен", "аль", "эль", "ван", "фон", "дер", "ден", "де", "ди", "дю", "дель", "делла", "ла", "ле", "да", "дос", "дас",
        "оглы", "оглу", "улы", "уулу", "кызы", "гызы",
    };

    /// <summary>Particles that lean on the word before them and so never start a phrase.</summary>
    private static readonly HashSet<string> Enclitics = new(StringComparer.OrdinalIgnoreCase) { "ли", "ль", "же", "ж", "бы", "б" };

    private static readonly string[] TurkicPatronymicEndings = ["оглы", "оглу", "улы", "уулу", "кызы", "гызы"];

    private static int? NextWord(List<MentionPart> parts, int i)
    {
        int n = parts.FindIndex(i + 1, p => p.IsWord);
        return n < 0 ? null : n;
    }

    /// <summary>The father's name in a Turkic patronymic («Гейдар оглы»): it stays in the nominative.</summary>
    private static bool BeforePatronymicParticle(List<MentionPart> parts, int i) =>
        NextWord(parts, i) is { } n && TurkicPatronymicEndings.Contains(parts[n].Text);

    /// <summary>
    /// A Turkic patronymic written as one word («Кунанбайулы», «Жумабекулы», «Ахмед-оглы»): it does not decline.
    /// The father's name before the ending is at least four letters and the dictionary does not know the whole word
    /// (so «Урсулы» stays the genitive of «Урсула»).
    /// </summary>
    private bool IsTurkicPatronymic(string word)
    {
        var folded = Letters.Fold(word);
        foreach (var e in TurkicPatronymicEndings)
            if (folded.Length >= e.Length + 4 && folded.EndsWith(e, StringComparison.Ordinal)) return !morph.IsKnown(word);
        return false;
    }

    /// <summary>
    /// A mention typed PER that names a group («британцев», «консервативными депутатами»): no word has a personal-name
    /// reading in the dictionary and the first word is a lower-case plural noun or adjective there.
    /// </summary>
    private bool IsGroupOfPeople(string firstWord, MorphParse[][] parses)
    {
        foreach (var word in parses)
        {
            if (word.Length == 0 || word[0].IsGuess) return false;
            foreach (var p in word)
                if (!p.IsGuess && morph.Tag(p).HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr)) return false;
        }
        return morph.Tag(parses[0][0]).Has(Grammemes.Plur) && !char.IsUpper(firstWord[0]);
    }

    /// <summary>
    /// The nominative of one name word read in <paramref name="gender"/> and case <paramref name="c"/>, and how
    /// plausible that is. Two sources propose nominatives: the morphology (dictionary names, surnames and patronymics,
    /// then guesses from the ending) and the petrovich rules read backwards; a nominative both propose adds up, and one
    /// the document shows elsewhere (<paramref name="nominatives"/>) counts many times over.
    /// </summary>
    private (string Form, double Score, bool Known, bool InDocument) BestNameReading(string word, MorphParse[] parses, NameGender gender, int c, Position position,
                                                                     IReadOnlySet<string>? nominatives)
    {
        // Reused, one pair per thread (a call never runs inside another); cleared, a dictionary enumerates in insertion
        // order again, so ties go the same way as in fresh ones.
        var fromMorph = t_fromMorph ??= new(StringComparer.Ordinal);
        var fromRules = t_fromRules ??= new(StringComparer.Ordinal);
        fromMorph.Clear();
        fromRules.Clear();
        var case_ = Grammemes.MainCases[c];
        var genderMask = gender == NameGender.Male ? Grammemes.Masc : Grammemes.Femn;
        float maxGuess = 0;
        foreach (var p in parses)
            if (p.IsGuess) maxGuess = Math.Max(maxGuess, p.Score);

        foreach (var p in parses)
        {
            var tag = morph.Tag(p);
            if (tag.Case != case_ || tag.Has(Grammemes.Plur) && !tag.Has(Grammemes.Fixd)) continue;
            bool name = tag.Has(Grammemes.Name), surname = tag.Has(Grammemes.Surn), patronymic = tag.Has(Grammemes.Patr);
            bool common = tag.HasAny(Grammemes.MsF | Grammemes.GNdr);
            double role;
            if (common || tag.Has(genderMask))
                role = name || surname || patronymic ? 1.0 : tag.Has(Grammemes.Noun) ? (p.IsGuess ? 0.5 : 0.15) : tag.Has(Grammemes.Adjf) ? 0.1 : 0.02;
            else if (gender == NameGender.Male && !name && tag.Has(Grammemes.Noun) && tag.Has(Grammemes.Femn) && EndsWithA(morph.Lemma(word, p)))
                role = 0.3; // a man's surname declined like a feminine noun: Дерипаска, Обама, Виола
            else continue;
            if (tag.HasAny(Grammemes.Geox | Grammemes.Orgn)) role = Math.Min(role, 0.1);
            double base_ = p.IsGuess ? 0.25 * p.Score / Math.Max(maxGuess, 1e-6f) : 0.5 + 0.5 * p.Score;
            var form = tag.Has(Grammemes.Fixd) ? word : morph.Inflect(word, p, Grammemes.Nomn | Grammemes.Sing) ?? word;
            var folded = Letters.Fold(form);
            var nameRole = patronymic ? NameRole.Middle : name ? NameRole.First : NameRole.Last;
            double s = base_ * role * Fit(nameRole, gender, folded, name || !surname && !patronymic) * Placement(nameRole, position);
            if (!fromMorph.TryGetValue(folded, out var old) || old.Score < s) fromMorph[folded] = (form, s, !p.IsGuess && (name || surname || patronymic));
        }

        var foldedWord = Letters.Fold(word);
        // A word the dictionary has as a name, surname or patronymic, or a form of a listed first name, is rarely
        // another name the rules make of it («Обамой» is Обама's instrumental and «Урсулой» Урсула's, not surnames
        // like «Толстой»).
        bool dictionaryName = parses.Any(p => !p.IsGuess && morph.Tag(p).HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr))
                              || fromMorph.Keys.Any(f => names.FirstName(f) != NameGender.Unknown);
        // A word the dictionary does not know that the ending guesser reads mostly as a noun is rarely an adjectival
        // surname: the rules' «-ом» → «-ый» («Цзиньпином» → «Цзиньпиный») weighs by the guesser's adjective share.
        double adjectival = AdjectiveShareOfGuesses(parses);
        foreach (var nameRole in new[] { NameRole.First, NameRole.Last, NameRole.Middle })
        {
            foreach (var nominative in names.Nominatives(nameRole, gender, foldedWord, c))
            {
                double s = 0.3 * Fit(nameRole, gender, nominative, nameRole == NameRole.First) * Placement(nameRole, position);
                if (SoftSignAfterVowel(nominative)) continue; // «Асгардия» → «Асгардиь» is no Russian word
                if ((nominative != foldedWord || c == 0) && IsAdjectivalSurname(nominative)) s *= adjectival;
                if (nameRole == NameRole.First && names.FirstName(nominative) == NameGender.Unknown) s *= 0.5;
                // A declining rule shared by both genders says less than one of this gender; a man's name in -а/-я
                // is rare outside the dictionary (Никита, Дерипаска are in it).
                if (names.RuleFor(nameRole, gender, nominative) is { Gender: NameGender.Unknown } shared && shared.Mods[0] != ".") s *= 0.5;
                if (gender == NameGender.Male && EndsWithA(nominative)) s *= 0.8;
                // A woman's foreign surname in a consonant does not decline, but a man's does: «Леманом» is rarely a woman.
                if (gender == NameGender.Female && nominative == foldedWord && !IsVowel(nominative[^1])) s *= 0.4;
                if (nameRole == NameRole.Last && IsProductiveSurname(nominative, gender)) s *= 1.5;
                // Surnames of the soft adjective declension («Верхняя») are rare: «Мей» and «Стингрей» are foreign
                // names that stay, not the genitive of «Мяя».
                if (nameRole == NameRole.Last && nominative.EndsWith("яя", StringComparison.Ordinal) && nominative != foldedWord) s *= 0.1;
                // Unchanged is a weak reading for a word that ends like an oblique case («Леманом», «Цукербергу»).
                if (nominative == foldedWord && LooksOblique(foldedWord)) s *= HasObliqueOnlyEnding(foldedWord) ? 0.1 : 0.4;
                if (!fromRules.TryGetValue(nominative, out var old) || old < s) fromRules[nominative] = s;
            }
        }

        string bestForm = word;
        double best = 0.003;
        bool known = false, inDocument = false;
        foreach (var (folded, (form, s, inDictionary)) in fromMorph)
        {
            double factor = InDocumentFactor(nominatives, folded), total = (s + fromRules.GetValueOrDefault(folded)) * factor;
            if (total > best) { best = total; bestForm = form; known = inDictionary || names.FirstName(folded) == gender; inDocument = factor > 1; }
        }
        foreach (var (folded, s0) in fromRules)
        {
            double factor = InDocumentFactor(nominatives, folded), s = (dictionaryName ? s0 * RuleOnlyAfterDictionaryName : s0) * factor;
            if (!fromMorph.ContainsKey(folded) && s > best) { best = s; bestForm = Restore(word, folded); known = names.FirstName(folded) == gender; inDocument = factor > 1; }
        }
        return (bestForm, best, known, inDocument);
    }

    /// <summary>
    /// For a word known only to the ending guesser, its adjective readings' share of the guessed weight, doubled and kept
    /// between 0.05 and 1 (an even split counts in full); 1 for a word the dictionary knows.
    /// </summary>
    private double AdjectiveShareOfGuesses(MorphParse[] parses)
    {
        double all = 0, adjective = 0;
        foreach (var p in parses)
        {
            if (!p.IsGuess) return 1;
            all += p.Score;
            if (morph.Tag(p).Has(Grammemes.Adjf)) adjective += p.Score;
        }
        return all <= 0 ? 1 : Math.Clamp(2 * adjective / all, 0.05, 1);
    }

    private static bool SoftSignAfterVowel(string folded)
    {
        for (int i = 1; i < folded.Length; i++)
            if (folded[i] is 'ь' or 'ъ' && IsVowel(folded[i - 1])) return true;
        return false;
    }

    private static bool IsAdjectivalSurname(string folded) =>
        folded.EndsWith("ый", StringComparison.Ordinal) || folded.EndsWith("ий", StringComparison.Ordinal) || folded.EndsWith("ой", StringComparison.Ordinal)
        || folded.EndsWith("ая", StringComparison.Ordinal) || folded.EndsWith("яя", StringComparison.Ordinal);

    [ThreadStatic] private static Dictionary<string, (string Form, double Score, bool Known)>? t_fromMorph;
    [ThreadStatic] private static Dictionary<string, double>? t_fromRules;

    private static double InDocumentFactor(IReadOnlySet<string>? nominatives, string folded) =>
        nominatives is not null && nominatives.Contains(folded) ? InDocument : 1.0;

    /// <summary>
    /// Surname endings that decline: Russian (Иванов/Иванова, Пушкин, Достоевский/Достоевская…) and, in the masculine,
    /// Finnish -нен (Райкконен, Хейккинен; a woman's stays as it is).
    /// </summary>
    private static bool IsProductiveSurname(string folded, NameGender gender) => gender == NameGender.Male
        ? folded.EndsWith("ов", StringComparison.Ordinal) || folded.EndsWith("ев", StringComparison.Ordinal) || folded.EndsWith("ин", StringComparison.Ordinal) || folded.EndsWith("ын", StringComparison.Ordinal) || folded.EndsWith("ский", StringComparison.Ordinal) || folded.EndsWith("цкий", StringComparison.Ordinal) || folded.EndsWith("нен", StringComparison.Ordinal)
        : folded.EndsWith("ова", StringComparison.Ordinal) || folded.EndsWith("ева", StringComparison.Ordinal) || folded.EndsWith("ина", StringComparison.Ordinal) || folded.EndsWith("ына", StringComparison.Ordinal) || folded.EndsWith("ская", StringComparison.Ordinal) || folded.EndsWith("цкая", StringComparison.Ordinal);

    private enum Position { Only, First, Middle, Last }

    /// <summary>Where name parts usually stand: a first name first, a surname last (either alone).</summary>
    private static double Placement(NameRole role, Position position) => (role, position) switch
    {
        (NameRole.Last, Position.First) => 0.5,
        (NameRole.First, Position.Last) => 0.5,
        (NameRole.Middle, Position.Only or Position.First) => 0.5,
        _ => 1.0,
    };

    /// <summary>How well a nominative fits the gender: the first-name list (for first names) and the gender rules.</summary>
    private double Fit(NameRole role, NameGender gender, string folded, bool checkList)
    {
        double fit = 1.0;
        if (checkList)
        {
            var listed = names.FirstName(folded);
            fit = listed == gender ? 4.0 : listed != NameGender.Unknown ? 0.1 : 0.7;
        }
        var rule = names.ByRule(role, folded);
        if (rule != NameGender.Unknown) fit *= rule == gender ? 1.5 : 0.3;
        return fit;
    }

    private static bool LooksOblique(string folded) =>
        folded.Length > 3 && (folded.EndsWith("ом", StringComparison.Ordinal) || folded.EndsWith("ем", StringComparison.Ordinal) || folded.EndsWith("ым", StringComparison.Ordinal) || folded.EndsWith("им", StringComparison.Ordinal)
                              || folded.EndsWith("у", StringComparison.Ordinal) || folded.EndsWith("ю", StringComparison.Ordinal) || folded.EndsWith("ы", StringComparison.Ordinal) || folded.EndsWith("ии", StringComparison.Ordinal));

    /// <summary>Endings of oblique cases that hardly any name has in the nominative (unlike -а, -у, -ой, -ем: Артем).</summary>
    private static bool HasObliqueOnlyEnding(string folded) =>
        folded.Length > 3 && (folded.EndsWith('ы') || folded.EndsWith("ии", StringComparison.Ordinal) || folded.EndsWith("ом", StringComparison.Ordinal) || folded.EndsWith("ым", StringComparison.Ordinal) || folded.EndsWith("ому", StringComparison.Ordinal));

    private static bool IsVowel(char c) => "аеёиоуыэюя".Contains(c);

    private static bool EndsWithA(string lemma) => lemma.Length > 1 && lemma[^1] is 'а' or 'я';

    /// <summary>A folded nominative spelled like the surface word: the shared beginning copied, the rest in the word's case.</summary>
    private static string Restore(string word, string folded)
    {
        int shared = 0;
        while (shared < word.Length && shared < folded.Length && Letters.Fold(word[shared]) == folded[shared]) shared++;
        bool upper = word.Length > 1 && word.All(ch => !char.IsLetter(ch) || char.IsUpper(ch));
        var rest = folded[shared..];
        if (shared == 0 && word.Length > 0 && char.IsUpper(word[0]) && rest.Length > 0) rest = char.ToUpperInvariant(rest[0]) + rest[1..];
        return word[..shared] + (upper ? rest.ToUpperInvariant() : rest);
    }

    private static bool IsDottedInitial(List<MentionPart> parts, int i) =>
        parts[i].Text.Length <= 2 && char.IsUpper(parts[i].Text[0]) && i + 1 < parts.Count && parts[i + 1].Text.StartsWith('.');

    /// <summary>
    /// The capital letters of a hyphenated word's parts kept in its normal form: the dictionary spells the parts after
    /// the hyphen of a few names in lower case («Римского-Корсакова» → «Римский-Корсаков», not «Римский-корсаков»).
    /// </summary>
    private static string KeepSegmentCase(string surface, string form)
    {
        if (!form.Contains('-')) return form;
        var from = surface.Split('-');
        var to = form.Split('-');
        if (from.Length != to.Length) return form;
        for (int i = 0; i < to.Length; i++)
            if (from[i].Length > 0 && to[i].Length > 0 && char.IsUpper(from[i][0]) && char.IsLower(to[i][0]))
                to[i] = char.ToUpperInvariant(to[i][0]) + to[i][1..];
        return string.Join('-', to);
    }

    private static bool IsInitial(List<MentionPart> parts, int i) =>
        parts[i].Text.Length == 1 || parts[i].Text.Length <= 2 && i + 1 < parts.Count && parts[i + 1].Text.StartsWith('.');

    // ---------------------------------------------------------------- organisations and places

    private void NormalizePhrase(List<MentionPart> parts, EntityType type)
    {
        // The words before the first quoted part or non-word separator other than a space.
        var words = new List<int>();
        for (int i = 0; i < parts.Count; i++)
        {
            if (!parts[i].IsWord) { if (parts[i].Text != " ") break; continue; }
            if (parts[i].Quoted) break;
            words.Add(i);
        }
        if (words.Count == 0) return;
        var first = parts[words[0]].Text;
        if (IsAbbreviation(first) || !IsCyrillic(first))
        {
            parts[words[0]] = parts[words[0]] with { Text = StripAbbreviationEnding(first) };
            return;
        }

        var parses = new List<MorphParse[]>();
        foreach (var i in words)
        {
            var text = parts[i].Text;
            if (IsAbbreviation(text) || !IsCyrillic(text) || HasDigit(text)) break;
            parses.Add(morph.Analyse(text));
        }

        // Candidate heads: the first word with a noun reading after a run of words with agreeing readings.
        int bestHead = -1;
        double bestScore = 0;
        MorphParse bestHeadParse = default;
        var bestModifiers = new MorphParse[parses.Count];
        var modifiers = new MorphParse[parses.Count];
        for (int h = 0; h < parses.Count; h++)
        {
            foreach (var hp in parses[h])
            {
                var ht = morph.Tag(hp);
                if (!ht.Has(Grammemes.Noun)) continue;
                double score = Math.Max(hp.Score, 1e-4) * HeadFit(ht, type);
                // The name of one organisation or place the dictionary does not know is singular: a guessed plural reading
                // of it («Алтек» as a genitive plural of «алтека», «Аль-Кайды» as a plural) is the ending misleading.
                if (hp.IsGuess && type != EntityType.PER && ht.Has(Grammemes.Plur)) score *= GuessedPluralName;
                // So is a common noun that names one place («в реке Славянка», «Славянки» → «Славянка», not the plural
                // «славянки»); plural place names are the dictionary's own (Geox «Афины», or plural-only «Карпаты»).
                else if (type == EntityType.LOC && ht.Has(Grammemes.Plur) && !ht.HasAny(Grammemes.Geox | Grammemes.Pltm)) score *= GuessedPluralName;
                // What follows a head is a genitive («Министерство обороны»), a preposition or a quoted name, not a word in
                // another case: «Чёрном» is no head (the noun «чёрный») when «море» follows it.
                if (h + 1 < parses.Count && !CanFollowHead(parses[h + 1])) score *= UnlikelyAfterHead;
                // Between dictionary readings that weigh the same («море»: the locative of «море» or of «мор»), the one that
                // keeps more of the written word (at most 1 % of the score, so only near ties turn on it).
                if (!hp.IsGuess) score *= 1 + 0.01 * KeptLetters(parts[words[h]].Text, hp, ht);
                for (int m = 0; m < h && score > 0; m++)
                {
                    // A modifier counts with the weight of all its modifier readings once one of them agrees with the head:
                    // the head settles the gender an adjective alone leaves open («Старом»: neuter or masculine locative),
                    // so that split must not make a noun reading of the adjective («старое») the likelier head. The agreeing
                    // reading's own weight stays as a weak preference between heads of different genders that the head
                    // word alone cannot tell apart («Южно-Китайском море»: море, not the locative of мор).
                    double best = 0, mass = 0;
                    foreach (var mp in parses[m])
                    {
                        var mt = morph.Tag(mp);
                        if (!mt.HasAny(Grammemes.Agreeing)) continue;
                        mass += mp.Score;
                        if (!mt.AgreesWith(ht)) continue;
                        if (mp.Score > best) { best = mp.Score; modifiers[m] = mp; }
                    }
                    score *= best > 0 ? mass * Math.Pow(best, ModifierGenderWeight) : 0;
                }
                if (score > bestScore) { bestScore = score; bestHead = h; bestHeadParse = hp; modifiers.AsSpan(0, h).CopyTo(bestModifiers); }
            }
            if (!parses[h].Any(p => morph.Tag(p).HasAny(Grammemes.Agreeing))) break; // a word that cannot modify ends the run
        }

        if (bestHead < 0)
        {
            // No noun: an adjective on its own («Европейскому» → «Европейский»): nominative in its own gender and number.
            for (int m = 0; m < parses.Count; m++)
            {
                var adj = parses[m].FirstOrDefault(p => morph.Tag(p).HasAny(Grammemes.Agreeing));
                if (adj == default) break;
                var t = morph.Tag(adj);
                var g = t.Has(Grammemes.Plur) ? Grammemes.Plur : Grammemes.Sing | (t.Has(Grammemes.Neut) ? Grammemes.Masc : t.Gender);
                Replace(parts, words[m], adj, Grammemes.Nomn | g);
            }
            return;
        }

        var headTag = morph.Tag(bestHeadParse);
        var number = headTag.Has(Grammemes.Plur) ? Grammemes.Plur : Grammemes.Sing;
        if (!headTag.Has(Grammemes.Fixd))
        {
            var written = parts[words[bestHead]].Text;
            Replace(parts, words[bestHead], bestHeadParse, Grammemes.Nomn | number);
            InflectCompoundFirstPart(parts, words[bestHead], written, headTag, Grammemes.Nomn | number);
        }
        for (int m = 0; m < bestHead; m++)
        {
            var required = Grammemes.Nomn | number;
            if (number == Grammemes.Sing) required |= headTag.Gender & (Grammemes.Masc | Grammemes.Femn | Grammemes.Neut);
            Replace(parts, words[m], bestModifiers[m], required);
        }
    }

    /// <summary>
    /// A head written as two nouns joined by a hyphen declines in both when they stand in the same case and number
    /// («Братьев-мусульман» → «Братья-мусульмане», «Героя-лётчика» → «Герой-лётчик»); the dictionary's reading of the whole
    /// word inflects only the part after the hyphen. A first part in another case stays («генерал-лейтенанта» → «генерал-лейтенант»).
    /// </summary>
    private void InflectCompoundFirstPart(List<MentionPart> parts, int index, string written, Grammemes headTag, Grammemes required)
    {
        int dash = written.IndexOf('-');
        if (dash <= 0 || written.IndexOf('-', dash + 1) >= 0) return;
        var first = written[..dash];
        var text = parts[index].Text;
        int now = text.IndexOf('-');
        if (now <= 0 || !text.AsSpan(0, now).Equals(first, StringComparison.Ordinal)) return; // the dictionary knew the whole word
        foreach (var p in morph.Analyse(first))
        {
            var t = morph.Tag(p);
            if (p.IsGuess || !t.Has(Grammemes.Noun) || t.HasAny(Grammemes.Fixd | Grammemes.Name | Grammemes.Surn | Grammemes.Patr | Grammemes.Geox)
                || t.Case != headTag.Case || t.Number != headTag.Number) continue; // names: «Эмилия-Романья» is no genitive of «Эмилий»
            if (morph.Inflect(first, p, required) is not { } form) continue;
            parts[index] = parts[index] with { Text = KeepSegmentCase(first, form) + text[now..] };
            return;
        }
    }

    private void Replace(List<MentionPart> parts, int index, MorphParse parse, Grammemes required)
    {
        var form = morph.Inflect(parts[index].Text, parse, required);
        if (form is not null) parts[index] = parts[index] with { Text = KeepSegmentCase(parts[index].Text, form) };
    }

    /// <summary>The share of <paramref name="word"/> that its nominative in reading <paramref name="p"/> keeps as its beginning.</summary>
    private double KeptLetters(string word, MorphParse p, Grammemes tag)
    {
        var number = tag.Has(Grammemes.Plur) ? Grammemes.Plur : Grammemes.Sing;
        var form = morph.Inflect(word, p, Grammemes.Nomn | number);
        if (form is null || word.Length == 0) return 0;
        int n = 0;
        while (n < word.Length && n < form.Length && word[n] == form[n]) n++;
        return n / (double)Math.Max(word.Length, form.Length);
    }

    /// <summary>Whether the word has a reading that can follow the head of a name: a genitive, or a preposition or conjunction that opens a tail.</summary>
    private bool CanFollowHead(MorphParse[] parses)
    {
        if (parses.Length == 0) return true;
        foreach (var p in parses)
        {
            var t = morph.Tag(p);
            if (t.Case == Grammemes.Gent || t.HasAny(Grammemes.Prep | Grammemes.Conj | Grammemes.Prcl | Grammemes.Fixd)) return true;
        }
        return false;
    }

    /// <summary>How well a noun reading suits the head of an ORG/LOC name.</summary>
    private static double HeadFit(Grammemes tag, EntityType type)
    {
        if (type == EntityType.LOC && tag.Has(Grammemes.Geox) || type == EntityType.ORG && tag.Has(Grammemes.Orgn)) return 3;
        if (tag.HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr)) return 0.3;
        if (tag.Has(Grammemes.Geox) || tag.Has(Grammemes.Orgn)) return 1.5;
        return tag.Has(Grammemes.Inan) ? 1.2 : 0.8;
    }

    // ---------------------------------------------------------------- words

    private static bool IsCyrillic(string word)
    {
        foreach (var c in word)
            if (c is >= 'А' and <= 'я' or 'ё' or 'Ё') return true;
        return false;
    }

    private static bool HasDigit(string word) => word.Any(char.IsDigit);

    /// <summary>Upper-case abbreviations, possibly with an inflection ending in lower case («ОДКБ», «США», «МИДа»).</summary>
    public static bool IsAbbreviation(string word)
    {
        int upper = 0;
        while (upper < word.Length && char.IsUpper(word[upper])) upper++;
        if (upper < 2) return false;
        int rest = word.Length - upper;
        return rest == 0 || rest <= 3 && word[upper..].All(char.IsLower);
    }

    private static string StripAbbreviationEnding(string word)
    {
        int upper = 0;
        while (upper < word.Length && char.IsUpper(word[upper])) upper++;
        return upper >= 2 && upper < word.Length && word.Length - upper <= 3 && word[upper..].All(char.IsLower) ? word[..upper] : word;
    }
}
