using Extraction.Documents;
using Extraction.Morphology;

namespace Extraction.Normalization;

/// <summary>
/// Russian normal forms of PER/ORG/LOC mentions, spelled like the text (the stem is copied from the mention; only
/// endings change, so capitalisation and е/ё stay as written).
/// <para>Persons: every (gender, case) hypothesis is scored over all name words at once (agreement inside the
/// mention): each word's best reading in that gender and case (dictionary first/last names and patronymics, then
/// guesses from the ending), weighed by the first-name list and the gender rules; the best hypothesis puts every
/// word to the nominative singular of that gender. Leading lower-case words (titles such as «президента») and
/// capitalised titles before a name are dropped.</para>
/// <para>Organisations and places: the head is the first noun after a run of agreeing adjectives and participles;
/// the head goes to the nominative keeping its number, the modifiers follow it (each within its own paradigm, so a
/// participle stays a participle), and everything after the head (genitive tails, quoted names) stays.
/// Abbreviations stay («ОДКБ», «Минобороны»), and an inflected abbreviation loses its ending («МИДа» → «МИД»).</para>
/// </summary>
public sealed class RussianNormalizer(RussianMorphology morph, NameRules names)
{
    private const int MaxParses = 48;
    private static readonly float[] CasePrior = [0.40f, 0.25f, 0.08f, 0.10f, 0.09f, 0.08f];

    /// <summary>Capitalised words that are titles or forms of address before a name (dictionary lemmas).</summary>
    private static readonly HashSet<string> TitleLemmas = new(StringComparer.Ordinal)
    {
        "президент", "премьер", "премьер-министр", "министр", "генерал", "глава", "председатель", "король", "королева",
        "принц", "принцесса", "губернатор", "мэр", "канцлер", "сенатор", "депутат", "судья", "господин", "госпожа",
        "патриарх", "генсек", "спикер", "посол", "мистер", "миссис", "мисс", "фрау", "герр", "доктор", "профессор",
        "маршал", "полковник", "адмирал", "лидер", "экс-президент", "вице-президент", "замминистра", "шейх", "эмир", "султан",
    };

    public string Normalize(string surface, EntityType type)
    {
        var parts = MentionText.Split(surface, russian: true);
        if (type == EntityType.PER) NormalizePerson(parts);
        else NormalizePhrase(parts, type);
        return MentionText.Join(parts);
    }

    // ---------------------------------------------------------------- persons

    private void NormalizePerson(List<MentionPart> parts)
    {
        DropTitles(parts);
        var words = new List<int>();
        for (int i = 0; i < parts.Count; i++)
            if (parts[i].IsWord && !parts[i].Quoted && IsCyrillic(parts[i].Text) && !IsInitial(parts, i) && !IsAbbreviation(parts[i].Text))
                words.Add(i);
        if (words.Count == 0) return;

        var parses = words.Select(i => morph.Analyse(parts[i].Text, alwaysGuess: true)).ToArray();
        string[]? best = null;
        double bestScore = double.NegativeInfinity;
        var current = new string[words.Count];
        foreach (var gender in new[] { NameGender.Male, NameGender.Female })
        {
            for (int c = 0; c < Grammemes.MainCases.Length; c++)
            {
                double score = Math.Log(gender == NameGender.Male ? 0.6 : 0.4) + Math.Log(CasePrior[c]);
                for (int w = 0; w < words.Count; w++)
                {
                    var (form, s) = BestNameReading(parts[words[w]].Text, parses[w], gender, Grammemes.MainCases[c], w, words.Count);
                    current[w] = form;
                    score += Math.Log(s);
                }
                if (score > bestScore) { bestScore = score; best = (string[])current.Clone(); }
            }
        }
        for (int w = 0; w < words.Count; w++) parts[words[w]] = parts[words[w]] with { Text = best![w] };
    }

    /// <summary>The nominative of one name word read in <paramref name="gender"/> and <paramref name="case_"/>, and how plausible that is.</summary>
    private (string Form, double Score) BestNameReading(string word, MorphParse[] parses, NameGender gender, Grammemes case_, int index, int count)
    {
        // Unchanged (an indeclinable name) is always possible but weak.
        string bestForm = word;
        double best = case_ == Grammemes.Nomn ? 0.02 : 0.01;
        var genderMask = gender == NameGender.Male ? Grammemes.Masc : Grammemes.Femn;
        foreach (var p in parses)
        {
            var tag = morph.Tag(p);
            if (tag.Case != case_ || tag.Has(Grammemes.Plur) && !tag.Has(Grammemes.Fixd)) continue;
            bool common = tag.HasAny(Grammemes.MsF | Grammemes.GNdr);
            if (!common && !tag.Has(genderMask)) continue;
            bool name = tag.Has(Grammemes.Name), surname = tag.Has(Grammemes.Surn), patronymic = tag.Has(Grammemes.Patr);
            double role = name || surname || patronymic ? 1.0 : tag.Has(Grammemes.Noun) ? 0.15 : tag.Has(Grammemes.Adjf) ? 0.1 : 0.02;
            if (tag.Has(Grammemes.Geox) || tag.Has(Grammemes.Orgn)) role = 0.1;
            var form = tag.Has(Grammemes.Fixd) ? word : morph.Inflect(word, p, Grammemes.Nomn | Grammemes.Sing) ?? word;
            var folded = Letters.Fold(form);
            double fit = 1.0;
            if (name || !surname && !patronymic && index == 0 && count > 1)
            {
                var listed = names.FirstName(folded);
                fit = listed == gender ? 3.0 : listed != NameGender.Unknown ? 0.2 : 1.0;
            }
            var rule = names.ByRule(patronymic ? NameRole.Middle : name ? NameRole.First : NameRole.Last, folded);
            if (rule != NameGender.Unknown) fit *= rule == gender ? 1.5 : 0.3;
            double s = Math.Max(p.Score, 1e-4) * role * fit;
            if (s > best) { best = s; bestForm = form; }
        }
        return (bestForm, best);
    }

    /// <summary>Drops lower-case words before the first capitalised one, and capitalised titles before a name.</summary>
    private void DropTitles(List<MentionPart> parts)
    {
        int first = parts.FindIndex(p => p.IsWord && char.IsUpper(p.Text[0]));
        if (first > 0) parts.RemoveRange(0, first);
        while (true)
        {
            int w = parts.FindIndex(p => p.IsWord);
            if (w < 0) return;
            int next = parts.FindIndex(w + 1, p => p.IsWord);
            if (next < 0 || !char.IsUpper(parts[next].Text[0]) || !IsTitle(parts[w].Text)) return;
            parts.RemoveRange(0, next);
        }
    }

    private bool IsTitle(string word)
    {
        foreach (var p in morph.Analyse(word))
            if (!p.IsGuess && TitleLemmas.Contains(Letters.Fold(morph.Lemma(word, p)))) return true;
        return false;
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
                for (int m = 0; m < h && score > 0; m++)
                {
                    double ms = 0;
                    foreach (var mp in parses[m])
                    {
                        var mt = morph.Tag(mp);
                        if (!mt.HasAny(Grammemes.Agreeing) || !Agrees(mt, ht)) continue;
                        if (mp.Score > ms) { ms = mp.Score; modifiers[m] = mp; }
                    }
                    score *= ms;
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
        if (!headTag.Has(Grammemes.Fixd)) Replace(parts, words[bestHead], bestHeadParse, Grammemes.Nomn | number);
        for (int m = 0; m < bestHead; m++)
        {
            var required = Grammemes.Nomn | number;
            if (number == Grammemes.Sing) required |= headTag.Gender & (Grammemes.Masc | Grammemes.Femn | Grammemes.Neut);
            Replace(parts, words[m], bestModifiers[m], required);
        }
    }

    private void Replace(List<MentionPart> parts, int index, MorphParse parse, Grammemes required)
    {
        var form = morph.Inflect(parts[index].Text, parse, required);
        if (form is not null) parts[index] = parts[index] with { Text = form };
    }

    /// <summary>How well a noun reading suits the head of an ORG/LOC name.</summary>
    private static double HeadFit(Grammemes tag, EntityType type)
    {
        if (type == EntityType.LOC && tag.Has(Grammemes.Geox) || type == EntityType.ORG && tag.Has(Grammemes.Orgn)) return 3;
        if (tag.HasAny(Grammemes.Name | Grammemes.Surn | Grammemes.Patr)) return 0.3;
        if (tag.Has(Grammemes.Geox) || tag.Has(Grammemes.Orgn)) return 1.5;
        return tag.Has(Grammemes.Inan) ? 1.2 : 0.8;
    }

    /// <summary>An adjective or participle reading agrees with a noun reading: same case and number, same gender in the singular.</summary>
    private static bool Agrees(Grammemes modifier, Grammemes noun)
    {
        if (modifier.Case != noun.Case) return false;
        bool plural = noun.Has(Grammemes.Plur);
        if (plural != modifier.Has(Grammemes.Plur)) return false;
        if (plural) return true;
        var g = noun.Gender;
        if (g.HasAny(Grammemes.MsF | Grammemes.GNdr)) return modifier.HasAny(Grammemes.Masc | Grammemes.Femn);
        return modifier.HasAny(g);
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
