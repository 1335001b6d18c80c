using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CivicData.Core.Schema;

namespace CivicData.Soql.Binding;

/// <summary>
/// A geometry literal read from WKT (soda.md §4: <c>'POLYGON ((lon lat, ...))'</c>, WKT keywords case-insensitive),
/// validated at compile time and written back as WKT (PostgreSQL) or as the GeoJSON geometry object DuckDB stores.
/// </summary>
/// <remarks>
/// <see cref="Parts"/> has the same three levels for every kind: polygons → rings → positions. A point is
/// <c>[[[p]]]</c>, a line <c>[[line]]</c>, a polygon <c>[rings]</c>; each member of a multi-geometry is one part.
/// </remarks>
public sealed class GeometryValue
{
    /// <summary>A literal with more vertices than this is refused rather than sent to the engine.</summary>
    public const int MaxPositions = 100_000;

    private GeometryValue(SodaType type, ImmutableArray<ImmutableArray<ImmutableArray<(double X, double Y)>>> parts)
    {
        Type = type;
        Parts = parts;
    }

    public SodaType Type { get; }

    public ImmutableArray<ImmutableArray<ImmutableArray<(double X, double Y)>>> Parts { get; }

    public static bool TryParseWkt(string text, out GeometryValue value)
    {
        ArgumentNullException.ThrowIfNull(text);
        value = null!;
        var reader = new WktReader(text);
        GeometryValue? parsed = reader.ReadGeometry();
        if (parsed is null || !reader.AtEnd)
        {
            return false;
        }

        value = parsed;
        return true;
    }

    /// <summary>The multi kind a single geometry is promoted to (polygon → multipolygon ...); null for a multi kind.</summary>
    public static SodaType? MultiOf(SodaType type) => type switch
    {
        SodaType.Point => SodaType.MultiPoint,
        SodaType.Line => SodaType.MultiLine,
        SodaType.Polygon => SodaType.MultiPolygon,
        _ => null,
    };

    /// <summary>This geometry as <paramref name="target"/>: itself, or promoted to the matching multi kind.</summary>
    public bool TryConvertTo(SodaType target, out GeometryValue converted)
    {
        converted = this;
        if (target == Type)
        {
            return true;
        }

        if (MultiOf(Type) == target)
        {
            converted = new GeometryValue(target, Parts);
            return true;
        }

        return false;
    }

    public string ToWkt()
    {
        var text = new StringBuilder(WktName(Type)).Append(' ');
        switch (Type)
        {
            case SodaType.Point:
                text.Append('(');
                AppendWktPosition(text, Parts[0][0][0]);
                text.Append(')');
                break;
            case SodaType.Line:
                AppendWktPositions(text, Parts[0][0]);
                break;
            case SodaType.Polygon:
                AppendWktRings(text, Parts[0]);
                break;
            default:
                text.Append('(');
                for (int i = 0; i < Parts.Length; i++)
                {
                    text.Append(i > 0 ? ", " : "");
                    switch (Type)
                    {
                        case SodaType.MultiPoint:
                            text.Append('(');
                            AppendWktPosition(text, Parts[i][0][0]);
                            text.Append(')');
                            break;
                        case SodaType.MultiLine:
                            AppendWktPositions(text, Parts[i][0]);
                            break;
                        default:
                            AppendWktRings(text, Parts[i]);
                            break;
                    }
                }

                text.Append(')');
                break;
        }

        return text.ToString();
    }

    /// <summary>Compact GeoJSON with shortest round-trip numbers: the text DuckDB stores for non-point geometries.</summary>
    public string ToGeoJson()
    {
        var json = new StringBuilder("{\"type\":\"").Append(GeoJsonName(Type)).Append("\",\"coordinates\":");
        switch (Type)
        {
            case SodaType.Point:
                AppendJsonPosition(json, Parts[0][0][0]);
                break;
            case SodaType.Line:
                AppendJsonPositions(json, Parts[0][0]);
                break;
            case SodaType.Polygon:
                AppendJsonRings(json, Parts[0]);
                break;
            default:
                json.Append('[');
                for (int i = 0; i < Parts.Length; i++)
                {
                    json.Append(i > 0 ? "," : "");
                    switch (Type)
                    {
                        case SodaType.MultiPoint:
                            AppendJsonPosition(json, Parts[i][0][0]);
                            break;
                        case SodaType.MultiLine:
                            AppendJsonPositions(json, Parts[i][0]);
                            break;
                        default:
                            AppendJsonRings(json, Parts[i]);
                            break;
                    }
                }

                json.Append(']');
                break;
        }

        return json.Append('}').ToString();
    }

    private static string WktName(SodaType type) => type switch
    {
        SodaType.Point => "POINT",
        SodaType.MultiPoint => "MULTIPOINT",
        SodaType.Line => "LINESTRING",
        SodaType.MultiLine => "MULTILINESTRING",
        SodaType.Polygon => "POLYGON",
        _ => "MULTIPOLYGON",
    };

    private static string GeoJsonName(SodaType type) => type switch
    {
        SodaType.Point => "Point",
        SodaType.MultiPoint => "MultiPoint",
        SodaType.Line => "LineString",
        SodaType.MultiLine => "MultiLineString",
        SodaType.Polygon => "Polygon",
        _ => "MultiPolygon",
    };

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static void AppendWktPosition(StringBuilder text, (double X, double Y) position) =>
        text.Append(Number(position.X)).Append(' ').Append(Number(position.Y));

    private static void AppendWktPositions(StringBuilder text, ImmutableArray<(double X, double Y)> positions)
    {
        text.Append('(');
        for (int i = 0; i < positions.Length; i++)
        {
            text.Append(i > 0 ? ", " : "");
            AppendWktPosition(text, positions[i]);
        }

        text.Append(')');
    }

    private static void AppendWktRings(StringBuilder text, ImmutableArray<ImmutableArray<(double X, double Y)>> rings)
    {
        text.Append('(');
        for (int i = 0; i < rings.Length; i++)
        {
            text.Append(i > 0 ? ", " : "");
            AppendWktPositions(text, rings[i]);
        }

        text.Append(')');
    }

    private static void AppendJsonPosition(StringBuilder json, (double X, double Y) position) =>
        json.Append('[').Append(Number(position.X)).Append(',').Append(Number(position.Y)).Append(']');

    private static void AppendJsonPositions(StringBuilder json, ImmutableArray<(double X, double Y)> positions)
    {
        json.Append('[');
        for (int i = 0; i < positions.Length; i++)
        {
            json.Append(i > 0 ? "," : "");
            AppendJsonPosition(json, positions[i]);
        }

        json.Append(']');
    }

    private static void AppendJsonRings(StringBuilder json, ImmutableArray<ImmutableArray<(double X, double Y)>> rings)
    {
        json.Append('[');
        for (int i = 0; i < rings.Length; i++)
        {
            json.Append(i > 0 ? "," : "");
            AppendJsonPositions(json, rings[i]);
        }

        json.Append(']');
    }

    /// <summary>
    /// A recursive-descent reader for the six 2-D WKT kinds. Refuses EMPTY, Z/M coordinates, SRID prefixes, non-finite
    /// numbers, lines of fewer than two positions and polygon rings that are open or have fewer than four.
    /// </summary>
    private sealed class WktReader(string text)
    {
        private int _position;
        private int _count;

        public bool AtEnd
        {
            get
            {
                SkipSpace();
                return _position == text.Length;
            }
        }

        public GeometryValue? ReadGeometry()
        {
            string word = ReadWord().ToUpperInvariant();
            (SodaType Type, bool IsMulti)? kind = word switch
            {
                "POINT" => (SodaType.Point, false),
                "MULTIPOINT" => (SodaType.MultiPoint, true),
                "LINESTRING" => (SodaType.Line, false),
                "MULTILINESTRING" => (SodaType.MultiLine, true),
                "POLYGON" => (SodaType.Polygon, false),
                "MULTIPOLYGON" => (SodaType.MultiPolygon, true),
                _ => null,
            };

            if (kind is not { } known)
            {
                return null;
            }

            ImmutableArray<ImmutableArray<ImmutableArray<(double X, double Y)>>>? parts = known.IsMulti
                ? ReadList(() => ReadPart(known.Type))
                : ReadPart(known.Type) is { } single ? [single] : null;
            return parts is { } value ? new GeometryValue(known.Type, value) : null;
        }

        private ImmutableArray<ImmutableArray<(double X, double Y)>>? ReadPart(SodaType type) => type switch
        {
            SodaType.Point => ReadPointPart(),
            SodaType.MultiPoint => ReadMultiPointMember(),
            SodaType.Line or SodaType.MultiLine => ReadLine() is { } line ? [line] : null,
            _ => ReadList(ReadRing),
        };

        private ImmutableArray<ImmutableArray<(double X, double Y)>>? ReadPointPart()
        {
            if (!Expect('('))
            {
                return null;
            }

            (double X, double Y)? position = ReadPosition();
            return position is { } value && Expect(')') ? [[value]] : null;
        }

        /// <summary>A MULTIPOINT member, written <c>(x y)</c> or bare <c>x y</c>.</summary>
        private ImmutableArray<ImmutableArray<(double X, double Y)>>? ReadMultiPointMember()
        {
            SkipSpace();
            if (_position < text.Length && text[_position] == '(')
            {
                return ReadPointPart();
            }

            return ReadPosition() is { } position ? [[position]] : null;
        }

        private ImmutableArray<(double X, double Y)>? ReadLine()
        {
            ImmutableArray<(double X, double Y)>? positions = ReadList(ReadPosition);
            return positions is { Length: >= 2 } ? positions : null;
        }

        private ImmutableArray<(double X, double Y)>? ReadRing()
        {
            ImmutableArray<(double X, double Y)>? positions = ReadList(ReadPosition);
            return positions is { Length: >= 4 } ring && ring[0] == ring[^1] ? ring : null;
        }

        /// <summary><c>( item, item, ... )</c>, at least one item.</summary>
        private ImmutableArray<T>? ReadList<T>(Func<T?> readItem)
            where T : struct
        {
            if (!Expect('('))
            {
                return null;
            }

            ImmutableArray<T>.Builder items = ImmutableArray.CreateBuilder<T>();
            do
            {
                if (readItem() is not { } item)
                {
                    return null;
                }

                items.Add(item);
            }
            while (Accept(','));

            return Expect(')') ? items.ToImmutable() : null;
        }

        private (double X, double Y)? ReadPosition()
        {
            if (ReadNumber() is not { } x || ReadNumber() is not { } y || ++_count > MaxPositions)
            {
                return null;
            }

            return (x, y);
        }

        private double? ReadNumber()
        {
            SkipSpace();
            int start = _position;
            while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] is '.' or '-' or '+' or 'e' or 'E'))
            {
                _position++;
            }

            return _position > start
                && double.TryParse(text.AsSpan(start, _position - start), NumberStyles.Float, CultureInfo.InvariantCulture, out double number)
                && double.IsFinite(number)
                    ? number
                    : null;
        }

        private string ReadWord()
        {
            SkipSpace();
            int start = _position;
            while (_position < text.Length && char.IsAsciiLetter(text[_position]))
            {
                _position++;
            }

            return text[start.._position];
        }

        private bool Expect(char c) => Accept(c);

        private bool Accept(char c)
        {
            SkipSpace();
            if (_position < text.Length && text[_position] == c)
            {
                _position++;
                return true;
            }

            return false;
        }

        private void SkipSpace()
        {
            while (_position < text.Length && text[_position] is ' ' or '\t' or '\r' or '\n')
            {
                _position++;
            }
        }
    }
}
