using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace CivicData.Web.Tests.Dcat;

/// <summary>
/// <c>/catalog.ttl</c>, read back with a small N-Triples parser written here from the grammar (each line one
/// triple), independent of the writer: the graph must hold DCAT-AP's mandatory and recommended properties.
/// </summary>
[Collection(DcatCollection.Name)]
public sealed partial class TurtleCatalogTests(DcatFixture portal)
{
    private const string Dcat = "http://www.w3.org/ns/dcat#";
    private const string Dct = "http://purl.org/dc/terms/";
    private const string Type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

    [Fact]
    public async Task Every_line_is_a_triple_and_hostile_text_reads_back_whole()
    {
        List<Triple> triples = await GetTriplesAsync();

        string dataset = portal.Root + "/d/la31-dcat";
        Assert.Equal(DcatFixture.HostileDescription, Single(triples, dataset, Dct + "description").Value);
        Assert.Equal("MyLA311 Service Requests (DCAT test)", Single(triples, dataset, Dct + "title").Value);
    }

    [Fact]
    public async Task The_catalog_and_each_dataset_have_the_mandatory_and_recommended_properties()
    {
        List<Triple> triples = await GetTriplesAsync();
        string catalog = portal.Root + "/catalog";

        Assert.Equal(Dcat + "Catalog", Single(triples, catalog, Type).Value);
        Assert.NotEmpty(Single(triples, catalog, Dct + "title").Value);
        Assert.NotEmpty(Single(triples, catalog, Dct + "description").Value);
        Assert.Single(triples, t => t.Subject == catalog && t.Predicate == Dct + "publisher");
        string[] datasets = [.. triples.Where(t => t.Subject == catalog && t.Predicate == Dcat + "dataset").Select(t => t.Value)];
        Assert.Equal([portal.Root + "/d/badm-dcat", portal.Root + "/d/la31-dcat", portal.Root + "/d/lacd-dcat"], datasets);

        foreach (string dataset in datasets)
        {
            Assert.Equal(Dcat + "Dataset", Single(triples, dataset, Type).Value);
            foreach (string property in new[] { Dct + "title", Dct + "description", Dct + "publisher", Dcat + "contactPoint", Dct + "modified", Dct + "identifier" })
            {
                Assert.Contains(triples, t => t.Subject == dataset && t.Predicate == property);
            }

            Assert.Equal("http://publications.europa.eu/resource/authority/access-right/PUBLIC", Single(triples, dataset, Dct + "accessRights").Value);
            string[] distributions = [.. triples.Where(t => t.Subject == dataset && t.Predicate == Dcat + "distribution").Select(t => t.Value)];
            Assert.NotEmpty(distributions);
            foreach (string distribution in distributions)
            {
                Assert.Equal(Dcat + "Distribution", Single(triples, distribution, Type).Value);
                Assert.StartsWith(portal.Root + "/", Single(triples, distribution, Dcat + "accessURL").Value, StringComparison.Ordinal);
            }
        }

        string full = portal.Root + "/d/la31-dcat";
        Assert.Equal("http://purl.org/cld/freq/daily", Single(triples, full, Dct + "accrualPeriodicity").Value);
        Triple modified = Single(triples, full, Dct + "modified");
        Assert.Equal("http://www.w3.org/2001/XMLSchema#dateTime", modified.Datatype);
        string period = Single(triples, full, Dct + "temporal").Value;
        Assert.Equal("2018-01-01", Single(triples, period, Dcat + "startDate").Value);
        Assert.Equal("2018-01-04", Single(triples, period, Dcat + "endDate").Value);
        string contact = Single(triples, full, Dcat + "contactPoint").Value;
        Assert.Equal("mailto:myla311@example.gov", Single(triples, contact, "http://www.w3.org/2006/vcard/ns#hasEmail").Value);
        Assert.Equal(["311", "service requests"], triples.Where(t => t.Subject == full && t.Predicate == Dcat + "keyword").Select(t => t.Value));
        Assert.All(triples.Where(t => t.Subject == full && t.Predicate == Dcat + "keyword"), t => Assert.Equal("en-US", t.Language));
    }

    [Fact]
    public async Task Private_and_draft_datasets_are_not_in_the_graph()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/catalog.ttl");
        string text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/turtle", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("priv-dcat", text, StringComparison.Ordinal);
        Assert.DoesNotContain("drft-dcat", text, StringComparison.Ordinal);
        Assert.DoesNotContain(DcatFixture.PrivateTitle, text, StringComparison.Ordinal);
    }

    private async Task<List<Triple>> GetTriplesAsync()
    {
        using HttpResponseMessage response = await portal.Client.GetAsync("/catalog.ttl");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        string text = await response.Content.ReadAsStringAsync();
        var triples = new List<Triple>();
        foreach (string line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            Match match = TriplePattern().Match(line);
            Assert.True(match.Success, "Not an N-Triples line: " + line);
            string value = match.Groups["iri"].Success ? Unescape(match.Groups["iri"].Value)
                : match.Groups["blank"].Success ? match.Groups["blank"].Value
                : Unescape(match.Groups["literal"].Value);
            triples.Add(new Triple(Subject(match.Groups["subject"].Value), Unescape(match.Groups["predicate"].Value), value,
                match.Groups["datatype"].Success ? match.Groups["datatype"].Value : null,
                match.Groups["language"].Success ? match.Groups["language"].Value : null));
        }

        return triples;
    }

    private static Triple Single(List<Triple> triples, string subject, string predicate) =>
        Assert.Single(triples, t => t.Subject == subject && t.Predicate == predicate);

    private static string Subject(string text) => text.StartsWith("_:", StringComparison.Ordinal) ? text : Unescape(text[1..^1]);

    /// <summary>ECHAR and UCHAR escapes of N-Triples.</summary>
    private static string Unescape(string text)
    {
        var result = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\\')
            {
                result.Append(text[i]);
                continue;
            }

            char next = text[++i];
            switch (next)
            {
                case 't': result.Append('\t'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case '"': result.Append('"'); break;
                case '\\': result.Append('\\'); break;
                case 'u':
                    result.Append((char)int.Parse(text.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    i += 4;
                    break;
                default: throw new FormatException("Unknown escape \\" + next);
            }
        }

        return result.ToString();
    }

    /// <summary>subject predicate object . — IRIs without raw space, quote, angle brackets or backslash other than escapes.</summary>
    [GeneratedRegex("""^(?<subject><(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-F]{4})*>|_:[A-Za-z0-9_]+) <(?<predicate>[^<>"\s]*)> (?:<(?<iri>(?:[^<>"{}|^`\\\x00-\x20]|\\u[0-9A-F]{4})*)>|(?<blank>_:[A-Za-z0-9_]+)|"(?<literal>(?:[^"\\\n\r]|\\[tnr"\\]|\\u[0-9A-F]{4})*)"(?:\^\^<(?<datatype>[^<>"\s]*)>|@(?<language>[A-Za-z]+(?:-[A-Za-z0-9]+)*))?) \.$""")]
    private static partial Regex TriplePattern();

    private sealed record Triple(string Subject, string Predicate, string Value, string? Datatype, string? Language);
}
