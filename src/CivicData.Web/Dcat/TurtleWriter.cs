using System.Globalization;
using System.Text;

namespace CivicData.Web.Dcat;

/// <summary>
/// Writes RDF as Turtle, one full triple per line (the N-Triples subset of Turtle), so the output needs no prefix
/// handling to read and every line stands alone. Literals and IRIs are escaped by the grammar's rules, so no metadata
/// text can end a string or an IRI early.
/// </summary>
internal sealed class TurtleWriter(TextWriter output)
{
    public const string ContentType = "text/turtle; charset=utf-8";

    public Task IriAsync(string subject, string predicate, string iri) =>
        output.WriteAsync(Node(subject) + " " + Iri(predicate) + " " + Iri(iri) + " .\n");

    public Task NodeAsync(string subject, string predicate, string node) =>
        output.WriteAsync(Node(subject) + " " + Iri(predicate) + " " + Node(node) + " .\n");

    /// <param name="datatype">An XSD datatype IRI, or null for a plain string.</param>
    public Task LiteralAsync(string subject, string predicate, string value, string? datatype = null, string? language = null) =>
        output.WriteAsync(Node(subject) + " " + Iri(predicate) + " " + Literal(value)
            + (datatype is not null ? "^^" + Iri(datatype) : language is not null ? "@" + language : "") + " .\n");

    /// <summary>A blank node label (<c>_:name</c>) as is, anything else as an IRI.</summary>
    private static string Node(string node) => node.StartsWith("_:", StringComparison.Ordinal) ? node : Iri(node);

    /// <summary>
    /// <c>&lt;…&gt;</c> with every character IRIREF forbids (controls, space, <c>&lt;&gt;"{}|^`\</c>) written as a
    /// <c>\uXXXX</c> escape.
    /// </summary>
    internal static string Iri(string iri)
    {
        var text = new StringBuilder(iri.Length + 2).Append('<');
        foreach (char c in iri)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '^' or '`' or '\\')
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.Append('>').ToString();
    }

    /// <summary>A double-quoted string with <c>\ " \n \r \t</c> escaped and other control characters as <c>\uXXXX</c>.</summary>
    internal static string Literal(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '\\': text.Append("\\\\"); break;
                case '"': text.Append("\\\""); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"').ToString();
    }
}
