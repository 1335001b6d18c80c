using System.Globalization;
using System.Text;
using CivicData.Soql.Tests.Reference;
using static CivicData.Soql.Tests.Reference.R;

namespace CivicData.Soql.Tests.Cases;

public static partial class SoqlCaseTable
{
    /// <summary>The §6.8 functions, conditionals, DISTINCT and |> chains, each with its meaning written as a C# lambda.</summary>
    private static void AddFunctions(List<SoqlCase> cases)
    {
        RefExpr label = Col("label");
        RefExpr qty = Col("qty");
        RefExpr at = Col("at");

        (string Select, RefExpr Reference)[] scalar =
        [
            ("coalesce(kind, label, 'none')", c => c.Row["kind"] ?? c.Row["label"] ?? "none"),
            ("nullif(qty, 3)", c => c.Row["qty"] is 3.0 ? null : c.Row["qty"]),
            ("case(qty > 5, 'big', qty < 0, 'negative', true, 'small')", c => c.Row["qty"] switch
            {
                double q when q > 5 => "big",
                double q when q < 0 => "negative",
                _ => "small",
            }),
            ("case(qty > 5, 'big')", c => c.Row["qty"] is double q && q > 5 ? "big" : null),
            ("CASE WHEN ok THEN 'yes' WHEN NOT ok THEN 'no' ELSE 'unknown' END", c => c.Row["ok"] switch
            {
                true => "yes",
                false => "no",
                _ => "unknown",
            }),
            ("iif(ok, 1, 0)", c => c.Row["ok"] is true ? 1.0 : 0.0),
            ("abs(qty)", c => c.Row["qty"] is double q ? Math.Abs(q) : null),
            ("ceil(qty)", c => c.Row["qty"] is double q ? Math.Ceiling(q) : null),
            ("floor(qty)", c => c.Row["qty"] is double q ? Math.Floor(q) : null),
            ("round(qty, 0)", c => c.Row["qty"] is double q ? Math.Round(q, 0, MidpointRounding.AwayFromZero) : null),
            ("round(qty, 1)", c => c.Row["qty"] is double q ? Math.Round(q, 1, MidpointRounding.AwayFromZero) : null),
            ("signed_magnitude_linear(qty, 5)", c => c.Row["qty"] is double q ? Math.Sign(q) * Math.Ceiling(Math.Abs(q) / 5) : null),
            ("width_bucket(qty, 0, 100, 10)", c => c.Row["qty"] is double q ? (q < 0 ? 0.0 : q >= 100 ? 11.0 : Math.Floor(q / 10) + 1) : null),
            ("greatest(qty, 1, -1)", c => c.Row["qty"] is double q ? Math.Max(q, 1) : 1.0),
            ("least(qty, 0)", c => c.Row["qty"] is double q ? Math.Min(q, 0) : 0.0),
            ("length(label)", c => c.Row["label"] is string s ? (double)s.EnumerateRunes().Count() : null),
            ("substring(label, 2, 3)", c => c.Row["label"] is string s ? Runes(s, 1, 3) : null),
            ("substring(label, 3)", c => c.Row["label"] is string s ? Runes(s, 2, int.MaxValue) : null),
            ("split_part(kind, 'u', 1)", c => c.Row["kind"] is string s ? s.Split('u')[0] : null),
            ("split_part(kind, 'e', 2)", c => c.Row["kind"] is string s ? (s.Split('e') is { Length: > 1 } parts ? parts[1] : "") : null),
            ("replace(label, 'a', 'A')", c => (c.Row["label"] as string)?.Replace("a", "A", StringComparison.Ordinal)),
            ("trim('  ' || label || ' ')", c => (c.Row["label"] as string)?.Trim(' ')),
            ("trim_leading('  ' || label || ' ')", c => c.Row["label"] is string s ? (s + " ").TrimStart(' ') : null),
            ("trim_trailing('  ' || label || ' ')", c => c.Row["label"] is string s ? ("  " + s).TrimEnd(' ') : null),
            ("left_pad(kind, 6, '*')", c => c.Row["kind"] is string s ? (s.Length >= 6 ? s[..6] : new string('*', 6 - s.Length) + s) : null),
            ("right_pad(kind, 5, '.')", c => c.Row["kind"] is string s ? (s.Length >= 5 ? s[..5] : s + new string('.', 5 - s.Length)) : null),
            ("starts_with(label, 'a')", c => c.Row["label"] is string s ? s.StartsWith('a') : null),
            ("contains(label, 'an')", c => c.Row["label"] is string s ? s.Contains("an", StringComparison.Ordinal) : null),
            ("caseless_eq(label, 'APPLE')", c => c.Row["label"] is string s ? string.Equals(s.ToUpperInvariant(), "APPLE", StringComparison.Ordinal) : null),
            ("caseless_ne(label, 'APPLE')", c => c.Row["label"] is string s ? !string.Equals(s.ToUpperInvariant(), "APPLE", StringComparison.Ordinal) : null),
            ("caseless_contains(label, 'AN')", c => c.Row["label"] is string s ? s.ToUpperInvariant().Contains("AN", StringComparison.Ordinal) : null),
            ("caseless_starts_with(label, 'B')", c => c.Row["label"] is string s ? s.ToUpperInvariant().StartsWith('B') : null),
            ("caseless_one_of(label, 'APPLE', 'zEbRa')", c => c.Row["label"] is string s ? s.ToUpperInvariant() is "APPLE" or "ZEBRA" : null),
            ("caseless_not_one_of(label, 'APPLE', 'zEbRa')", c => c.Row["label"] is string s ? s.ToUpperInvariant() is not ("APPLE" or "ZEBRA") : null),
            ("date_extract_y(at)", c => c.Row["at"] is DateTime t ? (double)t.Year : null),
            ("date_extract_m(at)", c => c.Row["at"] is DateTime t ? (double)t.Month : null),
            ("date_extract_d(at)", c => c.Row["at"] is DateTime t ? (double)t.Day : null),
            ("date_extract_hh(at)", c => c.Row["at"] is DateTime t ? (double)t.Hour : null),
            ("date_extract_mm(at)", c => c.Row["at"] is DateTime t ? (double)t.Minute : null),
            ("date_extract_ss(at)", c => c.Row["at"] is DateTime t ? t.Second + t.Millisecond / 1000.0 : null),
            ("date_extract_dow(at)", c => c.Row["at"] is DateTime t ? (double)(int)t.DayOfWeek : null),
            ("date_extract_woy(at)", c => c.Row["at"] is DateTime t ? (double)ISOWeek.GetWeekOfYear(t) : null),
            ("date_extract_iso_y(at)", c => c.Row["at"] is DateTime t ? (double)ISOWeek.GetYear(t) : null),
            ("date_diff_d(at, '2018-01-01')", c => c.Row["at"] is DateTime t ? Math.Truncate((t - new DateTime(2018, 1, 1)).TotalDays) : null),
            ("ok::text", c => c.Row["ok"] is bool b ? (b ? "true" : "false") : null),
            ("'42'::number + qty", c => c.Row["qty"] is double q ? 42 + q : null),
        ];
        for (int i = 0; i < scalar.Length; i++)
        {
            cases.Add(Rows($"things function {i}: {scalar[i].Select}", Things, new SoqlRequest { Select = "label, " + scalar[i].Select },
                new RefQuery { Select = [label, scalar[i].Reference] }));
        }

        cases.Add(Rows("things signed_magnitude_10 away from zero", Things,
            new SoqlRequest { Select = "label, signed_magnitude_10(qty)", Where = "qty >= 1 OR qty <= -1" },
            new RefQuery
            {
                Select = [label, c => c.Row["qty"] is double q ? Math.Sign(q) * (double)Math.Floor(Math.Abs(q)).ToString(CultureInfo.InvariantCulture).Length : null],
                Where = Or(Cmp("qty", ">=", 1.0), Cmp("qty", "<=", -1.0)),
            }));
        cases.Add(Rows("things ln of positive ratios", Things, new SoqlRequest { Select = "label, ln(ratio)", Where = "ratio > 0" },
            new RefQuery { Select = [label, c => c.Row["ratio"] is double r ? Math.Log(r) : null], Where = Cmp("ratio", ">", 0.0) }));
        cases.Add(Rows("things function in where: caseless_one_of", Things, new SoqlRequest { Select = "label", Where = "caseless_one_of(label, 'apple', 'BANANA')" },
            new RefQuery { Select = [label], Where = c => c.Row["label"] is string s ? s.ToUpperInvariant() is "APPLE" or "BANANA" : null }));
        cases.Add(Rows("things function in order: length desc", Things, new SoqlRequest { Select = "label", Order = "length(label) DESC, :id" },
            new RefQuery { Select = [label], Order = [new(c => c.Row["label"] is string s ? (double)s.EnumerateRunes().Count() : null, true), new(Id)] }));

        // Aggregates beyond the basic five, over qty's eleven non-null values.
        double[] values = [.. Things.Rows.Select(r => r[1]).OfType<double>()];
        double mean = values.Average();
        double popVar = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        double[] sorted = [.. values.Order()];
        cases.Add(new SoqlCase("things median and standard deviations", Things, new SoqlRequest { Select = "median(qty), stddev_pop(qty), stddev_samp(qty)" })
        {
            HandWritten = new RefResult([[sorted[sorted.Length / 2], Math.Sqrt(popVar), Math.Sqrt(popVar * values.Length / (values.Length - 1))]], true),
        });

        // DISTINCT and chained queries.
        cases.Add(Rows("things distinct kind", Things, new SoqlRequest { Query = "SELECT DISTINCT kind" },
            new RefQuery { Select = [Col("kind")], Distinct = true }));
        cases.Add(Rows("things distinct pairs", Things, new SoqlRequest { Query = "SELECT DISTINCT ok, kind WHERE qty > -100" },
            new RefQuery { Select = [Col("ok"), Col("kind")], Distinct = true, Where = Cmp("qty", ">", -100.0) }));
        cases.Add(Rows("la distinct with order", La, new SoqlRequest { Query = "SELECT DISTINCT owner ORDER BY owner DESC" },
            new RefQuery { Select = [Col("owner")], Distinct = true, Order = [new(Col("owner"), true)] }));
        cases.Add(Rows("la count distinct by function", La, new SoqlRequest { Select = "count(distinct police_precinct)" },
            new RefQuery { Select = [CountDistinct(Col("police_precinct"))], Aggregated = true }));

        var countsOfCounts = FixtureData.La311.Rows
            .GroupBy(r => (string?)r[FixtureData.La311.IndexOf("request_type")])
            .GroupBy(g => g.Count())
            .Select(g => new object?[] { (double)g.Key, (double)g.Count() })
            .ToList();
        cases.Add(new SoqlCase("la chained: counts of counts", La,
            new SoqlRequest { Query = "SELECT request_type, count(*) AS n GROUP BY request_type |> SELECT n, count(*) AS types GROUP BY n" })
        {
            HandWritten = new RefResult(countsOfCounts, false),
        });
        cases.Add(new SoqlCase("things chained: filter the output of a filter", Things,
            new SoqlRequest { Query = "SELECT label, qty * 2 AS d WHERE qty > 0 |> SELECT label, d WHERE d < 10 ORDER BY d, label" })
        {
            HandWritten = new RefResult(
                [.. Things.Rows.Where(r => r[1] is double q && q > 0 && q * 2 < 10)
                    .Select(r => new object?[] { r[0], (double)r[1]! * 2 })
                    .OrderBy(r => (double)r[1]!).ThenBy(r => (string)r[0]!, StringComparer.Ordinal)],
                true),
        });
    }

    private static string Runes(string text, int start, int count)
    {
        var builder = new StringBuilder();
        foreach (Rune rune in text.EnumerateRunes().Skip(start).Take(count))
        {
            builder.Append(rune.ToString());
        }

        return builder.ToString();
    }
}
