using System.Net;
using System.Text;
using System.Text.Json;
using CivicData.Web.Hosting;
using CivicData.Web.Tests.Infrastructure;

namespace CivicData.Web.Tests.Fuzzing;

/// <summary>
/// The hostile-input corpus through every SODA query parameter and simple filter of a real portal over HTTP: each
/// request answers 200 with rows, or a 4xx in Socrata's error shape (code, error: true, message) — never a 500, never a
/// stack trace — and the dataset still answers afterwards.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class SodaFuzzTests(PortalFixture portal)
{
    private static readonly string s_la = "/resource/" + PortalFixture.La311.Value;

    private static readonly string[] s_parameters =
    [
        "$where", "$where literal", "$select", "$select literal", "$order", "$group", "$having", "$q", "$query", "$query where",
        "$limit", "$offset", "filter name", "filter value", "filter value on a number",
    ];

    /// <summary>Kestrel's default limit on the request line (KestrelServerLimits.MaxRequestLineSize).</summary>
    public static TheoryData<int, string> Cases() => Select();

    [Theory]
    [MemberData(nameof(Cases))]
    public Task Hostile_input_answers_rows_or_a_soda_error(int input, string parameter) => AssertRowsOrSodaErrorAsync(input, parameter);

    [Fact]
    public async Task Request_lines_past_the_documented_limit_are_414_not_500()
    {
        string where = "srnumber in (" + string.Join(", ", Enumerable.Range(0, 12000).Select(n => $"'{n}'")) + ")";

        using HttpResponseMessage response = await portal.Client.GetAsync(new Uri($"{s_la}.json?$where={Uri.EscapeDataString(where)}", UriKind.Relative));

        Assert.True(where.Length > CivicDataWebApplication.MaxRequestLineBytes);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    private static TheoryData<int, string> Select()
    {
        TheoryData<int, string> data = [];
        for (int i = 0; i < HostileCorpus.Inputs.Count; i++)
        {
            foreach (string parameter in s_parameters)
            {
                data.Add(i, parameter);
            }
        }

        return data;
    }

    private async Task AssertRowsOrSodaErrorAsync(int input, string parameter)
    {
        string payload = HostileCorpus.Inputs[input];
        string url = $"{s_la}.json?{Query(parameter, payload)}";

        using HttpResponseMessage response = await portal.Client.GetAsync(new Uri(url, UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();

        int status = (int)response.StatusCode;
        Assert.True(status is 200 or (>= 400 and < 500), $"{parameter}: HTTP {status} for {Describe(payload)}\n{Truncate(text)}");
        AssertNoStackTrace(text);
        using JsonDocument document = JsonDocument.Parse(text);
        if (status == 200)
        {
            Assert.Equal(JsonValueKind.Array, document.RootElement.ValueKind);
        }
        else
        {
            JsonElement body = document.RootElement;
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("code").GetString()));
            Assert.True(body.GetProperty("error").GetBoolean());
            Assert.False(string.IsNullOrWhiteSpace(body.GetProperty("message").GetString()));
        }
    }

    [Fact]
    public async Task The_dataset_still_answers_after_the_corpus()
    {
        foreach (string payload in HostileCorpus.Inputs.Where(p => p.Contains("DROP", StringComparison.Ordinal)))
        {
            using HttpResponseMessage attack = await portal.Client.GetAsync(new Uri($"{s_la}.json?$where={Escape(payload)}", UriKind.Relative));
            Assert.NotEqual(HttpStatusCode.InternalServerError, attack.StatusCode);
        }

        using HttpResponseMessage response = await portal.Client.GetAsync(new Uri($"{s_la}.json?$select=count(*)", UriKind.Relative));
        string text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("10000", text, StringComparison.Ordinal);
    }

    private static string Query(string parameter, string payload)
    {
        string quoted = "'" + payload.Replace("'", "''", StringComparison.Ordinal) + "'";
        string limit = "&$limit=5";
        return parameter switch
        {
            "$where" => "$where=" + Escape(payload) + limit,
            "$where literal" => "$where=" + Escape("requesttype = " + quoted) + limit,
            "$select" => "$select=" + Escape(payload) + limit,
            "$select literal" => "$select=" + Escape("srnumber || " + quoted) + limit,
            "$order" => "$order=" + Escape(payload) + limit,
            "$group" => "$select=count(*)&$group=" + Escape(payload) + limit,
            "$having" => "$select=cd,count(*)&$group=cd&$having=" + Escape(payload) + limit,
            "$q" => "$q=" + Escape(payload) + limit,
            "$query" => "$query=" + Escape(payload),
            "$query where" => "$query=" + Escape("SELECT srnumber WHERE " + payload + " LIMIT 5"),
            "$limit" => "$limit=" + Escape(payload),
            "$offset" => "$offset=" + Escape(payload) + limit,
            "filter name" => Escape(payload) + "=x" + limit,
            "filter value" => "requesttype=" + Escape(payload) + limit,
            "filter value on a number" => "cd=" + Escape(payload) + limit,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        };
    }

    /// <summary>Percent-encodes the UTF-8 bytes (an unpaired surrogate becomes U+FFFD, as any client would send it).</summary>
    private static string Escape(string value)
    {
        var text = new StringBuilder();
        foreach (byte b in Encoding.UTF8.GetBytes(value))
        {
            if (char.IsAsciiLetterOrDigit((char)b) || b is (byte)'-' or (byte)'_' or (byte)'.' or (byte)'~')
            {
                text.Append((char)b);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static void AssertNoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain(".cs:line", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception:", text, StringComparison.Ordinal);
    }

    private static string Describe(string payload) => payload.Length > 80 ? $"{payload[..80]}… ({payload.Length} chars)" : payload;

    private static string Truncate(string text) => text.Length > 500 ? text[..500] + "…" : text;
}
