using System.Diagnostics.CodeAnalysis;
using CivicData.Web.Soda.Writers;
using Microsoft.Net.Http.Headers;

namespace CivicData.Web.Soda;

/// <summary>The output formats of <c>/resource</c>, chosen by extension or, without one, by the Accept header.</summary>
public sealed record SodaFormat(string Extension, string MediaType, Func<bool, IRowWriter> CreateWriter)
{
    public static readonly SodaFormat Json = new("json", "application/json", _ => new JsonRowWriter());

    public static readonly SodaFormat Csv = new("csv", "text/csv", bom => new CsvRowWriter(bom));

    public static readonly SodaFormat GeoJson = new("geojson", "application/vnd.geo+json", _ => new GeoJsonRowWriter());

    /// <summary>The one registration list: a new format is a writer plus a line here.</summary>
    public static IReadOnlyList<SodaFormat> All { get; } = [Json, Csv, GeoJson];

    public static bool TryFromExtension(string extension, [NotNullWhen(true)] out SodaFormat? format)
    {
        format = All.FirstOrDefault(f => string.Equals(f.Extension, extension, StringComparison.OrdinalIgnoreCase));
        return format is not null;
    }

    /// <summary>The best acceptable format by quality, JSON when nothing we speak is asked for (sodapy sends its format as Accept).</summary>
    public static SodaFormat FromAccept(IList<MediaTypeHeaderValue> accept)
    {
        ArgumentNullException.ThrowIfNull(accept);
        foreach (MediaTypeHeaderValue media in accept.OrderByDescending(m => m.Quality ?? 1.0))
        {
            foreach (SodaFormat format in All)
            {
                if (media.MediaType.Equals(format.MediaType, StringComparison.OrdinalIgnoreCase))
                {
                    return format;
                }
            }
        }

        return Json;
    }
}
