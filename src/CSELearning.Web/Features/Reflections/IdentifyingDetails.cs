using System.Globalization;
using System.Text.RegularExpressions;

namespace CSELearning.Web.Features.Reflections;

public sealed record IdentifyingMatch(IdentifyingDetails.Kind Kind, int Start, int Length, string Text, string Explanation);

// An aid to the author, not an anonymiser: it cannot see names, nicknames, schools or descriptions
// (docs/identifying-details.md). A pure function: no I/O, no logging, and the text goes nowhere.
public static partial class IdentifyingDetails
{
    public enum Kind
    {
        // Any full date; the check cannot tell a date of birth from any other date.
        DateOfBirth,
        Postcode,
        PhoneNumber,
        EmailAddress,
        NhsNumber,
        Address,
        CaseReference,
    }

    // Long enough for any log a person could write; a pathological input fails loudly rather than unchecked.
    private const int TimeoutMilliseconds = 1000;

    // Where two patterns claim the same characters, the longer match wins, then the more specific kind. A
    // RegexMatchTimeoutException means the text took too long, which the caller must not treat as "nothing found".
    public static IReadOnlyList<IdentifyingMatch> Find(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];

        var candidates = new List<IdentifyingMatch>();
        void Add(Kind kind, Regex pattern, Func<Match, bool> isValid)
        {
            foreach (Match match in pattern.Matches(text))
            {
                if (isValid(match))
                    candidates.Add(new IdentifyingMatch(kind, match.Index, match.Length, match.Value, Explanations[kind]));
            }
        }

        Add(Kind.DateOfBirth, NumericDate(), IsNumericDate);
        Add(Kind.DateOfBirth, WrittenDate(), m => IsDay(m.Groups["day"].Value));
        Add(Kind.Postcode, Postcode(), m => !IsLowerCaseOrdinal(m.Groups["inward"].Value));
        Add(Kind.PhoneNumber, PhoneNumber(), IsPhoneNumber);
        Add(Kind.EmailAddress, EmailAddress(), _ => true);
        Add(Kind.NhsNumber, NhsNumber(), m => HasValidNhsCheckDigit(m.Value));
        Add(Kind.Address, Address(), _ => true);
        Add(Kind.CaseReference, PrefixedReference(), IsPrefixedReference);
        Add(Kind.CaseReference, NumberedReference(), _ => true);

        // Kept in text order; being disjoint, only the neighbours either side of a candidate can overlap it.
        var chosen = new List<IdentifyingMatch>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Length).ThenBy(c => Specificity(c.Kind)).ThenBy(c => c.Start))
        {
            var index = chosen.BinarySearch(candidate, ByStart);
            if (index >= 0) continue; // a kept match starts at the same character
            index = ~index;
            var overlapsBefore = index > 0 && chosen[index - 1].Start + chosen[index - 1].Length > candidate.Start;
            var overlapsAfter = index < chosen.Count && chosen[index].Start < candidate.Start + candidate.Length;
            if (!overlapsBefore && !overlapsAfter) chosen.Insert(index, candidate);
        }
        return chosen;
    }

    private static readonly Comparer<IdentifyingMatch> ByStart = Comparer<IdentifyingMatch>.Create((a, b) => a.Start.CompareTo(b.Start));

    private static readonly Dictionary<Kind, string> Explanations = new()
    {
        [Kind.DateOfBirth] = "A date, which may be a date of birth.",
        [Kind.Postcode] = "A UK postcode, which can point to a home or a street.",
        [Kind.PhoneNumber] = "A UK phone number.",
        [Kind.EmailAddress] = "An email address.",
        [Kind.NhsNumber] = "An NHS number: ten digits with a valid check digit.",
        [Kind.Address] = "A house number and street, which may be someone's address.",
        [Kind.CaseReference] = "A reference in the shape of a case or crime number.",
    };

    // Validated or tightly shaped kinds first: they are less likely to be a coincidence.
    private static int Specificity(Kind kind) => kind switch
    {
        Kind.NhsNumber => 0,
        Kind.EmailAddress => 1,
        Kind.Postcode => 2,
        Kind.PhoneNumber => 3,
        Kind.DateOfBirth => 4,
        Kind.Address => 5,
        _ => 6,
    };

    // Dates -----------------------------------------------------------------------------------------------

    // 12/03/2011, 12-3-11, 12.03.2011, 2011-03-12: the same separator twice, a 2- or 4-digit year.
    [GeneratedRegex("""
        (?<![0-9A-Za-z./-])
        (?:
            (?<first>[0-9]{1,2})(?<sep>[/.-])(?<second>[0-9]{1,2})\k<sep>(?:(?:19|20)[0-9]{2}|[0-9]{2})
          | (?:19|20)[0-9]{2}(?<sep>[/.-])(?<second>[0-9]{1,2})\k<sep>(?<first>[0-9]{1,2})
        )
        (?![0-9A-Za-z]|[./-][0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex NumericDate();

    // Day and month in either order, so that a US-style 03/25/2011 is still a date.
    private static bool IsNumericDate(Match match)
    {
        var first = int.Parse(match.Groups["first"].Value, CultureInfo.InvariantCulture);
        var second = int.Parse(match.Groups["second"].Value, CultureInfo.InvariantCulture);
        return first is >= 1 and <= 31 && second is >= 1 and <= 12 || first is >= 1 and <= 12 && second is >= 1 and <= 31;
    }

    private const string Month = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|(?-i:May|MAY)|June?|July?|Aug(?:ust)?"
        + "|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![A-Za-z])";
    private const string Year = "(?:(?:19|20)[0-9]{2}|'[0-9]{2})";
    private const string Ordinal = "(?:st|nd|rd|th)";

    // 12 March 2011, 12th Mar. 2011, the 12th of March, 12 March, March 12 2011, March 12th. "May" must have its
    // capital ("aged 12 may be" is not a date); a month first needs a year or an ordinal ("March 12 children").
    [GeneratedRegex(
        "(?<![0-9A-Za-z])(?:"
        + "(?<day>[0-9]{1,2})" + Ordinal + "?(?: +of)? +" + Month + "(?:\\.?,? +" + Year + ")?"
        + "|" + Month + "\\.? +(?<day>[0-9]{1,2})(?:" + Ordinal + "(?:,? +" + Year + ")?|,? +" + Year + ")"
        + ")(?![0-9A-Za-z])",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex WrittenDate();

    private static bool IsDay(string day) => int.Parse(day, CultureInfo.InvariantCulture) is >= 1 and <= 31;

    // Postcodes -------------------------------------------------------------------------------------------

    // A full UK postcode, space optional, any case; an outward code alone ("A1") is not flagged.
    [GeneratedRegex("""
        (?<![0-9A-Za-z])
        [A-PR-UWYZ](?:[0-9](?:[0-9]|[A-HJKPSTUW])?|[A-HK-Y][0-9](?:[0-9]|[ABEHMNPRV-Y])?)
        [ ]?(?<inward>[0-9][ABD-HJLNP-UW-Z]{2})
        (?![0-9A-Za-z])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Postcode();

    // "Y10 1st", "KS3 4th": a lower-case 1st/2nd/3rd/4th is an ordinal; B33 8TH (capitals) is still a postcode.
    private static bool IsLowerCaseOrdinal(string inward) => inward[1..] is "st" or "nd" or "rd" or "th";

    // Phone numbers ---------------------------------------------------------------------------------------

    // Only 01, 02, 03 and 07 numbers: 08 numbers are helplines (0800 1111), which are not about anyone.
    [GeneratedRegex("""
        (?<![0-9A-Za-z+])
        (?:
            (?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|0)(?<number>[1237](?:[ -]?[0-9]){8,9})
          | \(0(?<number>[1237][0-9]{1,4}\)[ -]?[0-9](?:[ -]?[0-9]){4,7})
        )
        (?![0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex PhoneNumber();

    private static bool IsPhoneNumber(Match match)
    {
        var number = match.Groups["number"].Value;
        // The national number, without its leading 0: 10 digits, or 9 for some 01 areas.
        var digits = number.Count(char.IsAsciiDigit);
        return digits == 10 || digits == 9 && number[0] == '1';
    }

    // Email addresses -------------------------------------------------------------------------------------

    [GeneratedRegex("""
        (?<![A-Za-z0-9._%+'-])
        [A-Za-z0-9._%+'-]+@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{2,}
        (?![A-Za-z0-9-])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex EmailAddress();

    // NHS numbers -----------------------------------------------------------------------------------------

    [GeneratedRegex("""
        (?<![0-9A-Za-z+])
        [0-9]{3}(?<sep>[ -]?)[0-9]{3}\k<sep>[0-9]{4}
        (?![0-9A-Za-z])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex NhsNumber();

    // Modulus 11: the first nine digits weighted 10 down to 2; 11 minus the remainder of the sum divided by 11
    // is the check digit, 11 means 0 and 10 means the number is not valid.
    internal static bool HasValidNhsCheckDigit(string number)
    {
        var digits = number.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
        if (digits.Length != 10) return false;
        var sum = 0;
        for (var i = 0; i < 9; i++) sum += digits[i] * (10 - i);
        var check = 11 - sum % 11;
        if (check == 11) check = 0;
        return check != 10 && check == digits[9];
    }

    // Addresses -------------------------------------------------------------------------------------------

    // The street name must be capitalised, so "2 miles up the hill" is not an address.
    [GeneratedRegex("""
        (?<![0-9A-Za-z])
        (?:(?i:flat|apartment|apt|unit|room)\.?[ ]+[0-9]{1,4}[A-Za-z]?,?[ ]+)?
        [0-9]{1,4}[A-Za-z]?(?:-[0-9]{1,4}[A-Za-z]?)?,?[ ]+
        (?:\p{Lu}[\p{L}'’-]*[ ]+){1,3}
        (?i:Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Cl|Drive|Dr|Way|Court|Ct|Crescent|Cres|Grove|Gr|Place|Pl
           |Gardens|Gdns|Terrace|Terr|Walk|Hill|Row|Square|Sq|Mews|View|Rise)
        (?![\p{L}0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Address();

    // Case and crime references ---------------------------------------------------------------------------

    // IsPrefixedReference asks for enough digits that "COVID-19", "NHS 111" and "CSE 2019" pass.
    [GeneratedRegex("""
        (?<![0-9A-Za-z/-])
        (?<letters>[A-Za-z]{1,5})(?<sep>[/ -]?)(?<first>[0-9]+)(?:[/-][0-9]{2,})*
        (?![0-9A-Za-z]|[/-][0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex PrefixedReference();

    private static bool IsPrefixedReference(Match match)
    {
        var letters = match.Groups["letters"].Value;
        var separator = match.Groups["sep"].Value;
        // "in 123456" and a username like "jess12345" are not references; "cr/12345/24" is.
        if (separator is " " or "" && !letters.All(char.IsAsciiLetterUpper)) return false;

        var first = match.Groups["first"].Length;
        var digits = match.Value.Count(char.IsAsciiDigit);
        return (letters.Length, separator) switch
        {
            (1, "") => first >= 6,
            (1, _) => false,
            (_, " ") => first >= 6,
            _ => digits >= 5,
        };
    }

    // A serial has five or more digits, so "2019/20" is not one.
    [GeneratedRegex("""
        (?<![0-9A-Za-z/.-])
        (?:(?:[0-9]{2}/)?[0-9]{5,8}/(?:19|20)?[0-9]{2}|[0-9]{2}/[0-9]{5,7}[A-Z])
        (?![0-9A-Za-z]|[/.-][0-9])
        """, RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex NumberedReference();
}
