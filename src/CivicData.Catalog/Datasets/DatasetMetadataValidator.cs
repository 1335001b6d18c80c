using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CivicData.Core;

namespace CivicData.Catalog.Datasets;

/// <summary>
/// The one place that says which metadata values are acceptable, by the rules of POD 1.1's JSON Schema and
/// dcat-us.md, so every writer (the publisher, the CLI, the write APIs) rejects the same values with the same words.
/// Blank optional strings and empty arrays mean "not given" and pass.
/// </summary>
public static partial class DatasetMetadataValidator
{
    /// <summary>POD's <c>rights</c> is at most 255 characters.</summary>
    public const int MaxRightsLength = 255;

    /// <summary>The error code every metadata validation failure carries.</summary>
    public const string ErrorCode = "metadata.invalid";

    private static readonly string[] s_instantFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    /// <summary>Throws one <see cref="ValidationError"/> naming every bad field, or returns when all are fine.</summary>
    /// <remarks>The error's <c>Details["fields"]</c> holds the <see cref="MetadataFieldError"/> list.</remarks>
    public static void Validate(DatasetMetadata metadata)
    {
        IReadOnlyList<MetadataFieldError> errors = Check(metadata);
        if (errors.Count == 0)
        {
            return;
        }

        string message = "Invalid metadata: " + string.Join("; ", errors.Select(error => error.Field + ": " + error.Message)) + ".";
        throw new ValidationError(ErrorCode, message, new Dictionary<string, object?> { ["fields"] = errors });
    }

    /// <summary>Every bad field of <paramref name="metadata"/>, in field order; empty when all are fine.</summary>
    public static IReadOnlyList<MetadataFieldError> Check(DatasetMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var errors = new List<MetadataFieldError>();
        if (string.IsNullOrWhiteSpace(metadata.Title))
        {
            errors.Add(new("title", "a title is required"));
        }

        CheckItems(errors, "tags", metadata.Tags, null);
        CheckUrl(errors, "licenseUrl", metadata.LicenseUrl);
        CheckUrl(errors, "attributionLink", metadata.AttributionLink);
        if (IsGiven(metadata.ContactEmail) && !EmailPattern().IsMatch(metadata.ContactEmail))
        {
            errors.Add(new("contactEmail", $"'{metadata.ContactEmail}' is not an e-mail address (name@example.gov)"));
        }

        CheckTemporal(errors, metadata.Temporal);
        CheckSpatial(errors, metadata.Spatial);
        if (IsGiven(metadata.AccrualPeriodicity) && !IsPeriodicity(metadata.AccrualPeriodicity))
        {
            errors.Add(new("accrualPeriodicity",
                $"'{metadata.AccrualPeriodicity}' is not 'irregular' or an ISO 8601 repeating duration such as R/P1D, R/P1W, R/P1M, R/P1Y or R/PT1H"));
        }

        CheckUrl(errors, "landingPage", metadata.LandingPage);
        CheckItems(errors, "languages", metadata.Languages, (LanguagePattern(), "is not a BCP 47 language tag such as en, en-US or es"));
        if (IsGiven(metadata.Rights) && metadata.Rights.Length > MaxRightsLength)
        {
            errors.Add(new("rights", $"is {metadata.Rights.Length} characters long; at most {MaxRightsLength} are allowed"));
        }

        CheckItems(errors, "bureauCodes", metadata.BureauCodes, (BureauCodePattern(), "is not an OMB bureau code NNN:NN such as 015:11"));
        CheckItems(errors, "programCodes", metadata.ProgramCodes, (ProgramCodePattern(), "is not a federal program code NNN:NNN such as 015:001"));
        CheckItems(errors, "themes", metadata.Themes, null);
        CheckUrl(errors, "conformsTo", metadata.ConformsTo);
        CheckUrl(errors, "describedBy", metadata.DescribedBy);
        if (IsGiven(metadata.DescribedByType) && !MediaTypePattern().IsMatch(metadata.DescribedByType))
        {
            errors.Add(new("describedByType", $"'{metadata.DescribedByType}' is not a media type such as application/json or text/csv"));
        }

        for (int i = 0; i < (metadata.References.IsDefault ? 0 : metadata.References.Length); i++)
        {
            CheckUrl(errors, string.Create(CultureInfo.InvariantCulture, $"references[{i}]"), metadata.References[i], required: true);
        }

        CheckUrl(errors, "systemOfRecords", metadata.SystemOfRecords);
        if (IsGiven(metadata.PrimaryItInvestmentUii) && !InvestmentUiiPattern().IsMatch(metadata.PrimaryItInvestmentUii))
        {
            errors.Add(new("primaryItInvestmentUii", $"'{metadata.PrimaryItInvestmentUii}' is not an IT investment UII NNN-NNNNNNNNN"));
        }

        return errors;
    }

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL, the only kind the exports link to.</summary>
    public static bool IsWebUrl(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out Uri? uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
        && !value.Any(char.IsWhiteSpace);

    /// <summary>Whether <paramref name="value"/> is <c>irregular</c> or a repeating duration <c>R/P…</c> with at least one part.</summary>
    public static bool IsPeriodicity(string value) =>
        value == "irregular" || (value.StartsWith("R/", StringComparison.Ordinal) && IsDuration(value[2..]));

    /// <summary>An ISO 8601 duration as POD writes it (<c>P1Y2M</c>, <c>P1W</c>, <c>PT1H</c>), with at least one number.</summary>
    public static bool IsDuration(string value) =>
        DurationPattern().IsMatch(value) && value.Any(char.IsAsciiDigit) && !value.EndsWith('T');

    /// <summary>
    /// Reads a <c>W,S,E,N</c> bounding box in decimal degrees. Returns false for text that is not four numbers;
    /// <paramref name="valid"/> says whether the numbers are in range and ordered.
    /// </summary>
    public static bool TryParseBoundingBox(string? value, out (double West, double South, double East, double North) box, out bool valid)
    {
        box = default;
        valid = false;
        string[] parts = (value ?? "").Split(',');
        if (parts.Length != 4)
        {
            return false;
        }

        double[] numbers = new double[4];
        for (int i = 0; i < 4; i++)
        {
            if (!double.TryParse(parts[i].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || !double.IsFinite(numbers[i]))
            {
                return false;
            }
        }

        box = (numbers[0], numbers[1], numbers[2], numbers[3]);
        valid = box.West is >= -180 and <= 180 && box.East is >= -180 and <= 180
            && box.South is >= -90 and <= 90 && box.North is >= -90 and <= 90 && box.South <= box.North;
        return true;
    }

    /// <summary>
    /// Reads one end of a temporal interval: a date <c>2018-01-31</c> or a date-time with a zone
    /// (<c>2018-01-31T08:00:00Z</c>, <c>…+01:00</c>). A bare date is midnight UTC, and <paramref name="isDate"/> says so.
    /// </summary>
    public static bool TryParseInstant(string value, out DateTimeOffset instant, out bool isDate)
    {
        isDate = DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out DateOnly date);
        if (isDate)
        {
            instant = new DateTimeOffset(date.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }

        // A date-time without a zone would be read in the server's zone; POD and DCAT want an instant.
        instant = default;
        return HasZone(value) && DateTimeOffset.TryParseExact(value, s_instantFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    private static void CheckTemporal(List<MetadataFieldError> errors, string? temporal)
    {
        if (!IsGiven(temporal))
        {
            return;
        }

        string[] parts = temporal.Split('/');
        const string Expected = "an ISO 8601 interval start/end or start/duration such as 2018-01-01/2018-12-31, 2018-01-01T00:00:00Z/2018-01-04T23:59:59Z or 2018-01-01/P1Y";
        if (parts.Length != 2 || !TryParseInstant(parts[0], out DateTimeOffset start, out _))
        {
            errors.Add(new("temporal", $"'{temporal}' is not {Expected}"));
            return;
        }

        if (TryParseInstant(parts[1], out DateTimeOffset end, out _))
        {
            if (end < start)
            {
                errors.Add(new("temporal", $"'{temporal}' ends before it starts"));
            }
        }
        else if (!IsDuration(parts[1]))
        {
            errors.Add(new("temporal", $"'{temporal}' is not {Expected}"));
        }
    }

    private static bool HasZone(string instant) => instant.EndsWith('Z') || (instant.Length > 6 && instant[^6] is '+' or '-');

    private static void CheckSpatial(List<MetadataFieldError> errors, string? spatial)
    {
        if (!IsGiven(spatial))
        {
            return;
        }

        if (TryParseBoundingBox(spatial, out _, out bool valid))
        {
            if (!valid)
            {
                errors.Add(new("spatial", $"the bounding box '{spatial}' is not W,S,E,N in decimal degrees (longitudes -180 to 180, latitudes -90 to 90, south not above north)"));
            }

            return;
        }

        if (spatial.StartsWith('{'))
        {
            if (!IsGeoJsonGeometry(spatial))
            {
                errors.Add(new("spatial", "starts with '{' but is not a GeoJSON geometry object with a \"type\""));
            }

            return;
        }

        if (spatial.Contains("://", StringComparison.Ordinal) && !IsWebUrl(spatial))
        {
            errors.Add(new("spatial", $"'{spatial}' looks like a link but is not an absolute http(s) URL"));
        }
    }

    private static bool IsGeoJsonGeometry(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("type", out JsonElement type)
                && type.ValueKind == JsonValueKind.String;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void CheckUrl(List<MetadataFieldError> errors, string field, string? value, bool required = false)
    {
        if ((required || IsGiven(value)) && !IsWebUrl(value))
        {
            errors.Add(new(field, $"'{value}' is not an absolute http(s) URL"));
        }
    }

    /// <summary>Each item must be non-blank, unique (ignoring case) and match <paramref name="rule"/> if one is given.</summary>
    private static void CheckItems(List<MetadataFieldError> errors, string field, ImmutableArray<string> items, (Regex Pattern, string Message)? rule)
    {
        if (items.IsDefaultOrEmpty)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < items.Length; i++)
        {
            string name = string.Create(CultureInfo.InvariantCulture, $"{field}[{i}]");
            string? item = items[i];
            if (string.IsNullOrWhiteSpace(item))
            {
                errors.Add(new(name, "is empty"));
            }
            else if (rule is { } check && !check.Pattern.IsMatch(item))
            {
                errors.Add(new(name, $"'{item}' {check.Message}"));
            }
            else if (!seen.Add(item))
            {
                errors.Add(new(name, $"'{item}' is listed twice"));
            }
        }
    }

    private static bool IsGiven([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] string? value) => !string.IsNullOrWhiteSpace(value);

    /// <summary>POD vcard.json's <c>hasEmail</c> pattern without its <c>mailto:</c>.</summary>
    [GeneratedRegex(@"^[\w_~!$&'()*+,;=:.-]+@[\w.-]+\.[\w.-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    /// <summary>POD dataset.json's <c>language</c> item pattern (BCP 47, with its grandfathered tags).</summary>
    [GeneratedRegex(@"^(((([A-Za-z]{2,3}(-([A-Za-z]{3}(-[A-Za-z]{3}){0,2}))?)|[A-Za-z]{4}|[A-Za-z]{5,8})(-([A-Za-z]{4}))?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-([0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+))*(-(x(-[A-Za-z0-9]{1,8})+))?)|(x(-[A-Za-z0-9]{1,8})+)|((en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tay|i-tsu|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)|(art-lojban|cel-gaulish|no-bok|no-nyn|zh-guoyu|zh-hakka|zh-min|zh-min-nan|zh-xiang)))$", RegexOptions.CultureInvariant)]
    private static partial Regex LanguagePattern();

    /// <summary>POD's duration grammar (the part after <c>R/</c> in <c>accrualPeriodicity</c>).</summary>
    [GeneratedRegex(@"^P(?:\d+(?:\.\d+)?Y)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?W)?(?:\d+(?:\.\d+)?D)?(?:T(?:\d+(?:\.\d+)?H)?(?:\d+(?:\.\d+)?M)?(?:\d+(?:\.\d+)?S)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^[0-9]{3}:[0-9]{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex BureauCodePattern();

    [GeneratedRegex(@"^[0-9]{3}:[0-9]{3}$", RegexOptions.CultureInvariant)]
    private static partial Regex ProgramCodePattern();

    [GeneratedRegex(@"^[0-9]{3}-[0-9]{9}$", RegexOptions.CultureInvariant)]
    private static partial Regex InvestmentUiiPattern();

    /// <summary>POD's media type pattern for <c>mediaType</c> and <c>describedByType</c>.</summary>
    [GeneratedRegex(@"^[-\w]+/[-\w]+(\.[-\w]+)*([+][-\w]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex MediaTypePattern();
}
