using System.Collections.Immutable;
using System.Text;

namespace CivicData.Ingest.Naming;

/// <summary>
/// Turns source column names into SODA field names the way Socrata does ("Created Date" → <c>created_date</c>), and
/// source names into display names ("CreatedDate" → "Created Date").
/// </summary>
public static class FieldNameNormalizer
{
    private const string EmptyName = "column";

    /// <summary>
    /// One field name per display name, in the same order and all distinct. Each name is trimmed and lower-cased
    /// (invariant); every run of characters other than <c>a-z</c> and <c>0-9</c> becomes one <c>_</c>; leading and
    /// trailing <c>_</c> are dropped; a leading digit gets a <c>_</c> prefix; an empty result becomes <c>column</c>.
    /// Repeats then get <c>_1</c>, <c>_2</c> … in order, skipping any name that another column already has.
    /// </summary>
    public static ImmutableArray<string> Normalize(IReadOnlyList<string> displayNames)
    {
        ArgumentNullException.ThrowIfNull(displayNames);
        string[] bases = new string[displayNames.Count];
        for (int i = 0; i < bases.Length; i++)
        {
            bases[i] = NormalizeOne(displayNames[i]);
        }

        // Every base name is reserved up front, so a column the user named "a_1" keeps that name even when it comes
        // after two columns named "a".
        var taken = new HashSet<string>(bases, StringComparer.Ordinal);
        var firstUseDone = new HashSet<string>(StringComparer.Ordinal);
        var nextSuffix = new Dictionary<string, int>(StringComparer.Ordinal);
        ImmutableArray<string>.Builder result = ImmutableArray.CreateBuilder<string>(bases.Length);
        foreach (string name in bases)
        {
            if (firstUseDone.Add(name))
            {
                result.Add(name);
                continue;
            }

            int suffix = nextSuffix.GetValueOrDefault(name, 1);
            string candidate;
            do
            {
                candidate = $"{name}_{suffix++}";
            }
            while (!taken.Add(candidate));

            nextSuffix[name] = suffix;
            result.Add(candidate);
        }

        return result.MoveToImmutable();
    }

    /// <summary>
    /// A display name for a source column: the trimmed source name, with camelCase and PascalCase split into words
    /// ("CreatedDate" → "Created Date", "SRNumber" → "SR Number"). Names that already hold spaces or underscores, and
    /// all-caps names such as "CD", are kept as they are.
    /// </summary>
    public static string ToDisplayName(string sourceName)
    {
        ArgumentNullException.ThrowIfNull(sourceName);
        string name = sourceName.Trim();
        if (name.Length == 0 || name.Any(c => char.IsWhiteSpace(c) || c == '_'))
        {
            return name;
        }

        var builder = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (i > 0 && char.IsUpper(c))
            {
                char previous = name[i - 1];
                bool wordStart = char.IsLower(previous) || char.IsDigit(previous)
                    || (char.IsUpper(previous) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                if (wordStart)
                {
                    builder.Append(' ');
                }
            }

            builder.Append(c);
        }

        return builder.ToString();
    }

    private static string NormalizeOne(string displayName)
    {
        string lower = (displayName ?? "").Trim().ToLowerInvariant();
        var builder = new StringBuilder(lower.Length + 1);
        bool pendingSeparator = false;
        foreach (char c in lower)
        {
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingSeparator && builder.Length > 0)
                {
                    builder.Append('_');
                }

                pendingSeparator = false;
                builder.Append(c);
            }
            else
            {
                pendingSeparator = true;
            }
        }

        if (builder.Length == 0)
        {
            return EmptyName;
        }

        if (char.IsAsciiDigit(builder[0]))
        {
            builder.Insert(0, '_');
        }

        return builder.ToString();
    }
}
