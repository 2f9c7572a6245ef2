using System.Globalization;

namespace Veille.Stages.Dates;

/// <summary>
/// Resolves relative expressions against a reference date into TIMEX3 values; every method returns null when there
/// is no reference date, so nothing is guessed.
/// </summary>
internal readonly struct Resolver(DateTime? reference)
{
    public DateTime? Reference { get; } = reference?.Date;

    /// <summary>The reference day shifted by <paramref name="offset"/> days ("hier" = -1).</summary>
    public string? Day(int offset) => Reference is { } r ? FormatDay(r.AddDays(offset)) : null;

    /// <summary>
    /// A weekday: the next one after the reference (direction 1), the previous one (-1), the one of the reference's
    /// week (<paramref name="sameWeek"/>), else the nearest one, looking back on ties beyond three days.
    /// </summary>
    public string? Weekday(int weekday, int direction, bool sameWeek)
    {
        if (Reference is not { } r)
        {
            return null;
        }

        int current = r.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)r.DayOfWeek;
        int forward = ((weekday - current) % 7 + 7) % 7;
        int shift = direction switch
        {
            1 => forward == 0 ? 7 : forward,
            -1 => forward == 0 ? -7 : forward - 7,
            2 => forward,
            -2 => forward == 0 ? 0 : forward - 7,
            _ when sameWeek => weekday - current,
            _ => forward <= 3 ? forward : forward - 7,
        };
        return FormatDay(r.AddDays(shift));
    }

    /// <summary>A day of a month without a year: the reference's year, or the previous/next occurrence for "dernier"/"prochain".</summary>
    public string? MonthDay(int month, int day, int direction)
    {
        if (Reference is not { } r)
        {
            return null;
        }

        int year = r.Year;
        if (day > DateTime.DaysInMonth(year, month))
        {
            return null;
        }

        var date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        if (direction == 0 && date > r.AddMonths(3))
        {
            // News look back: a day more than a season ahead is last year's ("le 11 septembre" in an April article).
            year--;
        }
        else if (direction == 0 && date < r.AddMonths(-7))
        {
            year++;
        }
        else if (direction < 0 && date > r)
        {
            year--;
        }
        else if (direction > 0 && date < r)
        {
            year++;
        }

        return day <= DateTime.DaysInMonth(year, month) ? $"{year:D4}-{month:D2}-{day:D2}" : null;
    }

    /// <summary>A month without a year: the nearest one leaning to the past (direction 0), the previous (-1) or next (1) occurrence, or the reference's year (2).</summary>
    public string? Month(int month, int direction)
    {
        if (Reference is not { } r)
        {
            return null;
        }

        int year = r.Year;
        int delta = month - r.Month;
        if (direction == 2)
        {
            // "this June": the reference's year.
            return $"{year:D4}-{month:D2}";
        }

        if (direction == 0 && delta > 4)
        {
            // The nearest such month, leaning to the past: "December" in a January article is last December.
            year--;
        }
        else if (direction == 0 && delta < -6)
        {
            year++;
        }
        else if (direction < 0 && month >= r.Month)
        {
            year--;
        }
        else if (direction > 0 && month <= r.Month)
        {
            year++;
        }

        return $"{year:D4}-{month:D2}";
    }

    /// <summary>The calendar unit containing the reference, shifted by <paramref name="direction"/> units ("la semaine prochaine" = next ISO week).</summary>
    public string? Shift(string unit, int direction) => Offset(unit, direction);

    /// <summary>The reference shifted by <paramref name="amount"/> units, at the unit's granularity ("il y a deux jours" = a day).</summary>
    public string? Offset(string unit, int amount)
    {
        if (Reference is not { } r || Math.Abs(amount) > MaxOffset)
        {
            return null;
        }

        try
        {
            string? value = OffsetUnchecked(r, unit, amount);
            return value is { Length: > 0 } && value[0] != '-' ? value : null;
        }
        catch (ArgumentOutOfRangeException)
        {
            // Before year 1 or after 9999: not a calendar date this resolver can write.
            return null;
        }
    }

    /// <summary>The largest quantity an offset may have ("il y a 10 000 jours"); beyond it the expression stays unresolved.</summary>
    public const int MaxOffset = 10_000;

    private string? OffsetUnchecked(DateTime r, string unit, int amount)
    {

        switch (unit)
        {
            case "D":
                return FormatDay(r.AddDays(amount));
            case "W":
                return FormatWeek(r.AddDays(7 * amount));
            case "WE":
                return FormatWeek(r.AddDays(7 * amount)) + "-WE";
            case "FN":
                return FormatWeek(r.AddDays(14 * amount));
            case "M":
                DateTime month = r.AddMonths(amount);
                return $"{month.Year:D4}-{month.Month:D2}";
            case "Q":
                DateTime quarter = r.AddMonths(3 * amount);
                return $"{quarter.Year:D4}-Q{((quarter.Month - 1) / 3) + 1}";
            case "HALF":
                DateTime half = r.AddMonths(6 * amount);
                return $"{half.Year:D4}-H{(half.Month <= 6 ? 1 : 2)}";
            case "Y":
                return $"{r.Year + amount:D4}";
            case "DE":
                return $"{(r.Year / 10) + amount:D3}X";
            case "CE":
                return $"{(r.Year / 100) + amount:D2}";
            case "H":
                DateTime hour = r.AddHours(amount);
                return FormatDay(hour) + $"T{hour.Hour:D2}";
            default:
                return FormatDay(r);
        }
    }

    public static string FormatDay(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string FormatWeek(DateTime day) => $"{ISOWeek.GetYear(day):D4}-W{ISOWeek.GetWeekOfYear(day):D2}";
}
