using CivicData.Core;
using CivicData.Soql.Tests.Execution;
using CivicData.Soql.Tests.Support;

namespace CivicData.Soql.Tests.Injection;

/// <summary>
/// Every payload through every clause gives a <see cref="QueryError"/> or a normal result, never a DuckDB error,
/// never SQL text holding the payload, and the canary table survives.
/// </summary>
public sealed class InjectionTests(DuckDbFixture duckDb) : IClassFixture<DuckDbFixture>
{
    public static TheoryData<int, string> Cases()
    {
        TheoryData<int, string> data = [];
        for (int i = 0; i < InjectionCorpus.Payloads.Count; i++)
        {
            foreach (string clause in Clauses(InjectionCorpus.Payloads[i]).Keys)
            {
                data.Add(i, clause);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Payload_is_rejected_or_bound_as_a_value(int payloadIndex, string clause)
    {
        string payload = InjectionCorpus.Payloads[payloadIndex];
        SoqlRequest request = Clauses(payload)[clause];

        CompiledQuery query;
        try
        {
            query = Compile.Request(request);
        }
        catch (QueryError error)
        {
            Assert.StartsWith("query.", error.Code, StringComparison.Ordinal);
            return;
        }

        Assert.DoesNotContain(payload, query.Statement.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("canary", query.Statement.Text, StringComparison.OrdinalIgnoreCase);
        duckDb.Run(query.Statement);
        Assert.Equal(1, duckDb.CanaryCount());
    }

    private static string Quote(string payload) => "'" + payload.Replace("'", "''", StringComparison.Ordinal) + "'";

    private static Dictionary<string, SoqlRequest> Clauses(string payload) => new()
    {
        ["$select raw"] = new SoqlRequest { Select = payload },
        ["$select literal"] = new SoqlRequest { Select = "make || " + Quote(payload) },
        ["$select alias"] = new SoqlRequest { Select = "make AS " + payload },
        ["$select quoted name"] = new SoqlRequest { Select = "`" + payload + "`" },
        ["$where raw"] = new SoqlRequest { Where = payload },
        ["$where literal"] = new SoqlRequest { Where = "make = " + Quote(payload) },
        ["$where like"] = new SoqlRequest { Where = "name LIKE " + Quote("%" + payload + "%") },
        ["$where number literal"] = new SoqlRequest { Where = "v_max > " + Quote(payload) },
        ["$where double quoted"] = new SoqlRequest { Where = "make = \"" + payload.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"" },
        ["$order raw"] = new SoqlRequest { Order = payload },
        ["$order after key"] = new SoqlRequest { Order = "make " + payload },
        ["$group raw"] = new SoqlRequest { Select = "make", Group = payload },
        ["$having raw"] = new SoqlRequest { Select = "make", Group = "make", Having = payload },
        ["$having literal"] = new SoqlRequest { Select = "make", Group = "make", Having = "max(name) > " + Quote(payload) },
        ["$q"] = new SoqlRequest { Search = payload },
        ["$query raw"] = new SoqlRequest { Query = payload },
        ["$query where"] = new SoqlRequest { Query = "SELECT make WHERE " + payload },
        ["$query search"] = new SoqlRequest { Query = "SELECT make SEARCH " + Quote(payload) },
        ["$limit"] = new SoqlRequest { Limit = payload },
        ["$offset"] = new SoqlRequest { Offset = payload },
        ["filter name"] = new SoqlRequest { SimpleFilters = [new(payload, "x")] },
        ["filter value"] = new SoqlRequest { SimpleFilters = [new("make", payload)] },
        ["filter value on a number"] = new SoqlRequest { SimpleFilters = [new("v_max", payload)] },
    };
}
