using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CivicData.Soql.Rendering.Sql;
using CivicData.Soql.Tests.Engines;
using CivicData.Soql.Tests.Execution;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Rendering;

/// <summary>
/// The SQL each dialect renders for <see cref="GoldenSqlCases"/> equals its golden file (the text, then a comment
/// block with the parameter values), and runs on that dialect's engine. <c>CIVICDATA_UPDATE_GOLDEN=1</c> rewrites
/// the files for review instead of comparing.
/// </summary>
public abstract class GoldenSqlConformanceTests(IExecutionFixture engine)
{
    private static readonly JsonSerializerOptions s_json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static TheoryData<string> CaseNames() => [.. GoldenSqlCases.All.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Renders_the_golden_sql_and_runs_it(string name)
    {
        GoldenSqlCase golden = GoldenSqlCases.All.Single(c => c.Name == name);
        CompiledQuery query = SoqlCompiler.Compile(golden.Request, TestSchema.Vehicles, engine.Dialect);
        string path = Path.Combine(GoldenDirectory(), golden.FileName);
        string actual = Format(query.Statement);

        if (Environment.GetEnvironmentVariable("CIVICDATA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, actual);
        }
        else
        {
            Assert.True(File.Exists(path), $"No golden file {path}; run the tests with CIVICDATA_UPDATE_GOLDEN=1 to write it.");
            Assert.Equal((await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n"), actual);
        }

        IReadOnlyList<object?[]> rows = await engine.QueryAsync(query);
        Assert.All(rows, row => Assert.Equal(query.Columns.Length, row.Length));
    }

    [Fact]
    public void Every_golden_file_belongs_to_a_case()
    {
        HashSet<string> expected = [.. GoldenSqlCases.All.Select(c => c.FileName)];
        string directory = GoldenDirectory();
        string[] files = Directory.Exists(directory) ? [.. Directory.GetFiles(directory, "*.sql").Select(Path.GetFileName)!] : [];

        Assert.All(files, file => Assert.Contains(file, expected));
        Assert.Equal(GoldenSqlCases.All.Count, expected.Count);
    }

    [Fact]
    public void Timestamp_parameters_have_unspecified_kind()
    {
        SqlStatement statement = SoqlCompiler.Compile(
            new SoqlRequest { Where = "inspected < '2018-01-02T10:00:00Z' AND available > '2018-01-02T03:04'" }, TestSchema.Vehicles, engine.Dialect).Statement;

        Assert.All(statement.Parameters.Take(2), parameter => Assert.Equal(DateTimeKind.Unspecified, Assert.IsType<DateTime>(parameter.Value).Kind));
    }

    private string GoldenDirectory() =>
        Path.Combine(PostgresTestServer.FindRepositoryRoot(), "tests", "CivicData.Soql.Tests", "Golden", engine.Dialect.Name);

    /// <summary>The SQL text, then one comment line per parameter: placeholder, value, SODA type and CLR type.</summary>
    private string Format(SqlStatement statement)
    {
        var text = new StringBuilder(statement.Text).Append('\n');
        for (int i = 0; i < statement.Parameters.Length; i++)
        {
            SqlParameterValue parameter = statement.Parameters[i];
            text.Append("-- ").Append(engine.Dialect.ParameterPlaceholder(i + 1)).Append(" = ").Append(FormatValue(parameter.Value))
                .Append(" (").Append(parameter.Type).Append(", ").Append(parameter.Value?.GetType().Name ?? "null").Append(")\n");
        }

        return text.ToString();
    }

    private static string FormatValue(object? value) => value switch
    {
        null => "NULL",
        string text => JsonSerializer.Serialize(text, s_json),
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + " " + time.Kind,
        bool flag => flag ? "true" : "false",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
