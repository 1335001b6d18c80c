using System.Globalization;
using System.Text;

namespace CivicData.Catalog.Sqlite;

/// <summary>
/// Turns a user's search words into an FTS5 MATCH expression that can never be FTS5 syntax: the text is cut into
/// runs of letters and digits (about as the unicode61 tokenizer cuts it), and each run becomes a quoted prefix token,
/// AND-ed with the others. So <c>food inspect</c> becomes <c>"food"* AND "inspect"*</c>, and <c>NEAR(a OR -b)</c>
/// becomes <c>"NEAR"* AND "a"* AND "OR"* AND "b"*</c>.
/// </summary>
internal static class FullTextQuery
{
    /// <summary>Longest word we pass on, in runes; longer runs are cut.</summary>
    private const int MaxWordLength = 64;

    /// <summary>Most words we pass on; the rest are ignored, so hostile input cannot build a huge query.</summary>
    private const int MaxWords = 16;

    /// <summary>The MATCH expression, or null when the text holds no words (then nothing is filtered by text).</summary>
    public static string? ToMatchExpression(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var expression = new StringBuilder();
        var word = new StringBuilder();
        int wordLength = 0;
        bool wordHasLetterOrDigit = false;
        int words = 0;

        void EndWord()
        {
            if (wordHasLetterOrDigit && words < MaxWords)
            {
                if (words > 0)
                {
                    expression.Append(" AND ");
                }

                // A word holds only letters, digits and marks, so it has no quote to double; the quotes keep FTS5
                // from reading it as an operator (AND, OR, NOT, NEAR) or a column filter.
                expression.Append('"').Append(word).Append("\"*");
                words++;
            }

            word.Clear();
            wordLength = 0;
            wordHasLetterOrDigit = false;
        }

        foreach (Rune rune in text.EnumerateRunes())
        {
            bool letterOrDigit = Rune.IsLetterOrDigit(rune);
            if (letterOrDigit || IsMark(rune))
            {
                if (wordLength < MaxWordLength)
                {
                    word.Append(rune.ToString());
                    wordLength++;
                    wordHasLetterOrDigit |= letterOrDigit;
                }
            }
            else
            {
                EndWord();
            }
        }

        EndWord();
        return words == 0 ? null : expression.ToString();
    }

    private static bool IsMark(Rune rune) => Rune.GetUnicodeCategory(rune) is
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.PrivateUse;
}
