using CivicData.Soql.Rendering.Dialects;
using CivicData.Soql.Rendering.Dialects.DuckDb;
using CivicData.Soql.Rendering.Dialects.Postgres;
using CivicData.Soql.Rendering.Sql;
using CivicData.Soql.Tests.Injection;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Rendering;

/// <summary>
/// The SQL text depends only on the query's shape: swapping a string literal changes only parameters, in every dialect.
/// </summary>
public sealed class QueryShapeTests
{
    private static readonly ISqlDialect[] s_dialects = [DuckDbDialect.Instance, PostgresDialect.Instance];

    // a and b are string literals (quoted). SEARCH text is not a literal but a list of terms, so its term count is shape.
    private static readonly Func<string, string, SoqlRequest>[] s_templates =
    [
        (a, b) => new SoqlRequest { Where = $"make = {a} OR name = {b}" },
        (a, b) => new SoqlRequest { Where = $"name LIKE {a} AND make NOT IN ({a}, {b})" },
        (a, b) => new SoqlRequest { Select = $"upper(make) || {a} AS label, count(*)", Group = "label", Having = $"max(name) > {b}" },
        (a, b) => new SoqlRequest { Select = $"make || {a}", Where = $"make BETWEEN {a} AND {b}", Order = "make desc" },
        (a, b) => new SoqlRequest { Query = $"SELECT make, name WHERE name != {a} OR name = {b} ORDER BY name SEARCH 'fixed words' LIMIT 3" },
    ];

    private static readonly Func<string, SoqlRequest>[] s_rawTemplates =
    [
        raw => new SoqlRequest { SimpleFilters = [new("make", raw), new("name", raw)] },
    ];

    public static TheoryData<string, int> TemplateIndexes()
    {
        TheoryData<string, int> data = [];
        foreach (ISqlDialect dialect in s_dialects)
        {
            for (int template = 0; template < s_templates.Length; template++)
            {
                data.Add(dialect.Name, template);
            }
        }

        return data;
    }

    public static TheoryData<string> DialectNames() => [.. s_dialects.Select(dialect => dialect.Name)];

    [Theory]
    [MemberData(nameof(TemplateIndexes))]
    public void Swapping_string_literals_changes_only_parameters(string dialectName, int template)
    {
        var random = new Random(1234 + template);
        SqlStatement baseline = Render(dialectName, s_templates[template](Quote("a"), Quote("b")));

        for (int i = 0; i < 200; i++)
        {
            string first = RandomString(random);
            string second = RandomString(random);

            SqlStatement statement = Render(dialectName, s_templates[template](Quote(first), Quote(second)));

            Assert.Equal(baseline.Text, statement.Text);
            Assert.Equal(baseline.Parameters.Length, statement.Parameters.Length);
            Assert.Contains(statement.Parameters, parameter => Equals(parameter.Value, first) || Equals(parameter.Value, first.ToLowerInvariant()) || first.Length == 0);
        }
    }

    [Theory]
    [MemberData(nameof(DialectNames))]
    public void Swapping_simple_filter_values_changes_only_parameters(string dialectName)
    {
        var random = new Random(99);
        SqlStatement baseline = Render(dialectName, s_rawTemplates[0]("a"));

        for (int i = 0; i < 200; i++)
        {
            string value = RandomString(random);

            SqlStatement statement = Render(dialectName, s_rawTemplates[0](value));

            Assert.Equal(baseline.Text, statement.Text);
            Assert.Equal(value, statement.Parameters[0].Value);
        }
    }

    private static SqlStatement Render(string dialectName, SoqlRequest request) =>
        SoqlCompiler.Compile(request, TestSchema.Vehicles, s_dialects.Single(dialect => dialect.Name == dialectName)).Statement;

    private static string Quote(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static string RandomString(Random random)
    {
        if (random.Next(4) == 0)
        {
            return InjectionCorpus.Payloads[random.Next(InjectionCorpus.Payloads.Count)];
        }

        const string alphabet = "abcXYZ019 '\"`;-/*\\$%_()[]{}:,.\u00e9\u2019\0\n\t";
        int length = random.Next(0, 20);
        return new string([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);
    }
}
