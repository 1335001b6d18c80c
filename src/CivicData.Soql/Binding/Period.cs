using System.Globalization;
using System.Text.RegularExpressions;

namespace CivicData.Soql.Binding;

/// <summary>An ISO-8601 period (<c>P1Y2M3W4DT5H6M7.5S</c>) as calendar months, days and exact seconds.</summary>
public readonly partial record struct Period(int Months, int Days, double Seconds)
{
    public static bool TryParse(string text, out Period period)
    {
        period = default;
        Match match = PeriodPattern().Match(text.Trim());
        if (!match.Success || text.Trim() is "P" or "-P" || text.TrimEnd().EndsWith('T'))
        {
            return false;
        }

        int sign = match.Groups["neg"].Success ? -1 : 1;
        try
        {
            checked
            {
                int months = (Int("y") * 12) + Int("mo");
                int days = (Int("w") * 7) + Int("d");
                double seconds = (Int("h") * 3600d) + (Int("mi") * 60d) + Number("s");
                period = new Period(sign * months, sign * days, sign * seconds);
                return true;
            }
        }
        catch (OverflowException)
        {
            return false;
        }

        int Int(string group) => match.Groups[group].Success ? int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;

        double Number(string group) => match.Groups[group].Success ? double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"^(?<neg>-)?P(?:(?<y>\d{1,6})Y)?(?:(?<mo>\d{1,6})M)?(?:(?<w>\d{1,6})W)?(?:(?<d>\d{1,7})D)?(?:T(?:(?<h>\d{1,7})H)?(?:(?<mi>\d{1,9})M)?(?:(?<s>\d{1,10}(?:\.\d{1,9})?)S)?)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PeriodPattern();
}
