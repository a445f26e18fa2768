using CSELearning.Web.Features.Reflections;
using static CSELearning.Web.Features.Reflections.IdentifyingDetails.Kind;

namespace CSELearning.UnitTests.Features.Reflections;

public class IdentifyingDetailsTests
{
    /// <summary>The one match in "Seen: {detail}." — its kind and text, and that it sits exactly where it was put.</summary>
    private static void AssertFound(IdentifyingDetails.Kind kind, string detail)
    {
        var text = $"Seen: {detail}.";

        var match = Assert.Single(IdentifyingDetails.Find(text));

        Assert.Equal((kind, "Seen: ".Length, detail.Length, detail), (match.Kind, match.Start, match.Length, match.Text));
    }

    private static void AssertNothingFound(string text) => Assert.Empty(IdentifyingDetails.Find(text));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void No_text_has_no_matches(string? text) => Assert.Empty(IdentifyingDetails.Find(text));

    [Theory]
    [InlineData("12/03/2011")]
    [InlineData("12-3-11")]
    [InlineData("12.03.2011")]
    [InlineData("1/1/99")]
    [InlineData("03/25/2011")] // month first, as written in the US
    [InlineData("2011-03-12")]
    [InlineData("12 March 2011")]
    [InlineData("12th Mar 2011")]
    [InlineData("12 Mar. 2011")]
    [InlineData("Mar. 12, 2011")]
    [InlineData("12th of March 2011")]
    [InlineData("12 March")]
    [InlineData("1st Sept")]
    [InlineData("12 May 2011")]
    [InlineData("March 12 2011")]
    [InlineData("March 12, 2011")]
    [InlineData("March 12th")]
    [InlineData("12 MARCH '11")]
    public void Dates_are_flagged_as_possible_dates_of_birth(string date)
    {
        AssertFound(DateOfBirth, date);
        Assert.Equal("A date, which may be a date of birth.", IdentifyingDetails.Find(date).Single().Explanation);
    }

    [Theory]
    [InlineData("The review was published in 2019.")]
    [InlineData("Between 2019 and 2021, in March 2020, during 2019/20.")]
    [InlineData("Module 2.0.0 and version 1.2 replaced it.")]
    [InlineData("Around 1 in 10 young people, 83% of cases, 3/4 of staff.")]
    [InlineData("Children aged 12 may be groomed online.")]
    [InlineData("In March 12 children were referred.")]
    [InlineData("Scores of 32/13/2011 and 00/00/2011 and 12/00/11 are not dates.")]
    [InlineData("Version v1.2.10 was released.")]
    public void Years_figures_and_version_numbers_are_not_dates(string text) => AssertNothingFound(text);

    [Theory]
    [InlineData("SW1A 1AA")]
    [InlineData("M1 1AE")]
    [InlineData("B33 8TH")]
    [InlineData("CR2 6XH")]
    [InlineData("DN55 1PT")]
    [InlineData("LS1 4AP")]
    [InlineData("ls14ap")]
    [InlineData("sw1a1aa")]
    [InlineData("EC1A 1BB")]
    [InlineData("W1A 0AX")]
    public void Uk_postcodes_are_flagged_with_or_without_the_space_in_any_case(string postcode) => AssertFound(Postcode, postcode);

    [Theory]
    [InlineData("She goes along the A1 most days.")]
    [InlineData("She lives somewhere in LS6 now.")]
    [InlineData("KS3 4th form, Y10 1st term.")]
    [InlineData("The SW1A 1AAA code is not a postcode, nor is QA1 1AA.")]
    public void Partial_postcodes_and_lookalikes_are_not_flagged(string text) => AssertNothingFound(text);

    [Theory]
    [InlineData("07700 900123")]
    [InlineData("07700900123")]
    [InlineData("07700-900-123")]
    [InlineData("07700 900 123")]
    [InlineData("0113 496 0000")]
    [InlineData("0161 496 0000")]
    [InlineData("020 7946 0000")]
    [InlineData("020-7946-0000")]
    [InlineData("0303 123 4567")]
    [InlineData("016977 1234")] // a ten-digit 01 number
    [InlineData("(0113) 496 0000")]
    [InlineData("+44 7700 900123")]
    [InlineData("+447700900123")]
    [InlineData("+44 (0)113 496 0000")]
    [InlineData("0044 20 7946 0000")]
    public void Uk_phone_numbers_are_flagged(string number) => AssertFound(PhoneNumber, number);

    [Fact]
    public void A_number_in_brackets_is_flagged_without_the_brackets()
    {
        var match = Assert.Single(IdentifyingDetails.Find("Her number (07700 900123) is new."));

        Assert.Equal((PhoneNumber, 12, "07700 900123"), (match.Kind, match.Start, match.Text));
    }

    [Theory]
    [InlineData("Call Childline on 0800 1111 or 0808 800 5000.")]
    [InlineData("Around 1 in 10 and 83% of them, in 2019, 0 to 5 times.")]
    [InlineData("The total was 077009001234 items.")]
    [InlineData("Too short: 07700 9001.")]
    [InlineData("A digit short: 07700 90012 and 020 7946 000.")] // only 01 numbers have ten digits
    public void Helplines_figures_and_wrong_lengths_are_not_phone_numbers(string text) => AssertNothingFound(text);

    [Theory]
    [InlineData("someone@example.org")]
    [InlineData("first.last+tag@mail.example.co.uk")]
    [InlineData("o'brien@example.org")]
    public void Email_addresses_are_flagged(string address) => AssertFound(EmailAddress, address);

    [Theory]
    [InlineData("Contact the team @ the office.")]
    [InlineData("She posted as @sky_girl and @someone.")]
    [InlineData("An address without a domain: someone@localhost")]
    public void At_signs_that_are_not_email_addresses_are_not_flagged(string text) => AssertNothingFound(text);

    [Theory]
    [InlineData("943 476 5919")]
    [InlineData("9434765919")]
    [InlineData("943-476-5919")]
    [InlineData("401 023 2137")]
    public void Nhs_numbers_with_a_valid_check_digit_are_flagged(string number) => AssertFound(NhsNumber, number);

    [Theory]
    [InlineData("943 476 5918")] // the check digit should be 9
    [InlineData("9434765918")]
    [InlineData("943 476-5919")] // mixed separators
    [InlineData("123 456 7890")] // the check digit would be 10: no valid number
    [InlineData("94347659190")] // eleven digits
    public void Ten_digits_without_a_valid_check_digit_are_not_nhs_numbers(string text) =>
        Assert.DoesNotContain(IdentifyingDetails.Find(text), m => m.Kind == NhsNumber);

    [Theory]
    [InlineData("9434765919", true)]
    [InlineData("4010232137", true)]
    [InlineData("9434765918", false)]
    [InlineData("1234567890", false)]
    [InlineData("943476591", false)]
    public void The_nhs_check_digit_is_modulus_11(string number, bool valid) =>
        Assert.Equal(valid, IdentifyingDetails.HasValidNhsCheckDigit(number));

    [Theory]
    [InlineData("14 Acacia Avenue")]
    [InlineData("Flat 3, 22 Mill Lane")]
    [InlineData("221B Baker Street")]
    [InlineData("5 St Mary's Rd")]
    [InlineData("14-16 Station Road")]
    [InlineData("7 The Grove")]
    [InlineData("3 Long Meadow Close")]
    [InlineData("9 Kings Ave")]
    [InlineData("12 Park View")]
    public void A_house_number_and_a_street_are_flagged_as_an_address(string address) => AssertFound(Address, address);

    [Theory]
    [InlineData("The Kirklees review and the Rochdale review both found failures.")]
    [InlineData("She ran 2 miles up the hill to the court.")]
    [InlineData("She lives on Acacia Avenue.")]
    [InlineData("There were 3 meetings at court.")]
    [InlineData("Section 47 enquiries began.")]
    public void Street_words_without_a_house_number_and_capitalised_name_are_not_addresses(string text) => AssertNothingFound(text);

    [Theory]
    [InlineData("CR/12345/24")]
    [InlineData("CRN 123456")]
    [InlineData("13/123456/22")]
    [InlineData("12345/24")]
    [InlineData("1234567/2024")]
    [InlineData("PND-2024-001234")]
    [InlineData("LA-123456")]
    [InlineData("X123456")]
    [InlineData("12/345678A")]
    [InlineData("cr/12345/24")]
    [InlineData("ref-123456")]
    public void Case_and_crime_references_are_flagged(string reference) => AssertFound(CaseReference, reference);

    [Theory]
    [InlineData("During COVID-19 and the NHS 111 service, CSE 2019 guidance and ISO 27001.")]
    [InlineData("The 2019/20 and 2020/2021 figures.")]
    [InlineData("Section 47 and S17 and KS3 and Y10.")]
    [InlineData("CR/12/24 is too short to be a crime number.")]
    [InlineData("Seen in 123456 homes; her username was jess12345.")]
    public void Acronyms_with_figures_and_financial_years_are_not_references(string text) => AssertNothingFound(text);

    [Fact]
    public void Ordinary_prose_about_cse_has_no_matches() =>
        AssertNothingFound("""
            In 83% of cases the young person had been missing from home at least once, and 1 in 10 had been
            missing more than 5 times. Since 2019 the partnership has reviewed 42 cases; the Rotherham inquiry
            (1997-2013) and the Kirklees review (2024) found the same patterns. Practitioners met 3 times a week
            in Year 9 and Year 10, with 2.5 hours of supervision per month and a 0.5 FTE post.
            """);

    [Fact]
    public void Matches_come_back_in_text_order_with_their_offsets()
    {
        const string text = "Born 12/03/2011, lives at 14 Acacia Avenue, LS1 4AP; mum on 07700 900123, jo@example.org, NHS 943 476 5919, ref CR/12345/24.";

        var matches = IdentifyingDetails.Find(text);

        Assert.Equal(
            [
                (DateOfBirth, "12/03/2011"), (Address, "14 Acacia Avenue"), (Postcode, "LS1 4AP"), (PhoneNumber, "07700 900123"),
                (EmailAddress, "jo@example.org"), (NhsNumber, "943 476 5919"), (CaseReference, "CR/12345/24"),
            ],
            matches.Select(m => (m.Kind, m.Text)));
        Assert.All(matches, m => Assert.Equal(m.Text, text.Substring(m.Start, m.Length)));
        Assert.Equal(matches.OrderBy(m => m.Start), matches);
    }

    [Theory]
    [InlineData("12 March Street", Address)]        // an address, not a date followed by a word
    [InlineData("AB12345@example.org", EmailAddress)] // an email address, not a reference inside it
    [InlineData("0169771237", NhsNumber)]           // both an 01 number and a valid NHS number: the check digit is more specific
    public void Overlapping_matches_keep_the_longer_then_the_more_specific(string text, IdentifyingDetails.Kind kind)
    {
        var match = Assert.Single(IdentifyingDetails.Find(text));

        Assert.Equal((kind, 0, text.Length), (match.Kind, match.Start, match.Length));
    }

    [Fact]
    public void Matches_never_overlap()
    {
        const string text = "Flat 3, 22 Mill Lane, 12 March 2011, 0113 496 0000 and 13/123456/22 and 12 March Street.";

        var matches = IdentifyingDetails.Find(text);

        Assert.Equal(5, matches.Count);
        Assert.All(matches.Zip(matches.Skip(1)), pair => Assert.True(pair.First.Start + pair.First.Length <= pair.Second.Start));
    }

    // Near-misses for each pattern, many times over: a pattern that backtracks badly would hit its time limit.
    [Theory]
    [InlineData("someone.somewhere")]
    [InlineData("x@aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("1 Aa Bb Cc Dd")]
    [InlineData("AB1/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11/11x")]
    [InlineData("12                                                              x")]
    [InlineData("0 1 2 3 4 5 6 7 8 9")]
    public void A_long_text_of_near_misses_is_checked_without_running_out_of_time(string nearMiss)
    {
        var text = string.Join(' ', Enumerable.Repeat(nearMiss, 50_000 / nearMiss.Length));

        Assert.Empty(IdentifyingDetails.Find(text));
    }
}
