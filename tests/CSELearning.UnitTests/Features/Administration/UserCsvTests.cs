using System.Text;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Administration.Import;
using static CSELearning.Web.Features.Administration.Import.UserCsv;

namespace CSELearning.UnitTests.Features.Administration;

public class UserCsvReadTests
{
    private const string Header = "email,name,job_role,agency,team,roles,supervisor_email";

    [Fact]
    public void Reads_each_row_with_the_line_it_starts_on()
    {
        var file = Read(Csv(Header, "jo@riverside.example,Jo Bloggs,Social worker,Police,,Learner,", "", "\"sam@riverside.example\",\"Sam\nO'Connor\",Police,Police,,Learner,", "kim@riverside.example,Kim,Other,Police,,Learner,"));

        Assert.Null(file.FileError);
        Assert.Equal([2, 4, 6], file.Rows.Select(r => r.Line));
        Assert.Equal("Sam\nO'Connor", file.Rows[1][Name]);
        Assert.All(file.Rows, r => Assert.Empty(r.Problems));
    }

    [Fact]
    public void Header_names_are_matched_ignoring_case_spaces_and_order()
    {
        var file = Read(Csv(" Supervisor_Email ,ROLES,Team,Agency,Job_Role,Name,EMAIL", ",Learner,,Police,Other,Jo,jo@riverside.example"));

        Assert.Null(file.FileError);
        Assert.Equal("jo@riverside.example", file.Rows[0][Email]);
        Assert.Equal("Police", file.Rows[0][UserCsv.Agency]);
    }

    [Fact]
    public void A_byte_order_mark_is_fine()
    {
        var bytes = Encoding.UTF8.Preamble.ToArray().Concat(Csv(Header, "jo@riverside.example,Jo,Other,,,Administrator,")).ToArray();

        var file = Read(bytes);

        Assert.Null(file.FileError);
        Assert.Single(file.Rows);
    }

    [Theory]
    [InlineData("email,name,job_role,agency,team,roles", "missing: supervisor_email")]
    [InlineData("email,name,job_role,agency,team,roles,supervisor_email,notes", "not expected: notes")]
    [InlineData("email,name,job_role,agency,team,roles,supervisor_email,email", "more than once: email")]
    [InlineData("e-mail,name,job_role,agency,roles,supervisor", "missing: email, team, supervisor_email; not expected: e-mail, supervisor")]
    public void Wrong_columns_are_one_file_error_naming_them(string header, string named)
    {
        var file = Read(Csv(header, "jo@riverside.example,Jo,Other,,,Administrator,"));

        Assert.NotNull(file.FileError);
        Assert.Contains(named, file.FileError);
        Assert.Contains("email,name,job_role,agency,team,roles,supervisor_email", file.FileError);
        Assert.Empty(file.Rows);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \r\n\r\n")]
    public void An_empty_file_is_refused(string text)
    {
        Assert.Equal("The selected file is empty.", Read(Encoding.UTF8.GetBytes(text)).FileError);
        Assert.Equal("The selected file is empty.", Read(Encoding.UTF8.Preamble.ToArray()).FileError);
    }

    [Fact]
    public void A_header_with_no_people_is_refused()
    {
        var file = Read(Csv(Header, ",,,,,,", ""));

        Assert.Contains("no people", file.FileError);
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_are_refused()
    {
        // "Chloé" saved as Windows-1252: é is the lone byte 0xE9, which is not UTF-8.
        var bytes = Csv(Header).Concat(Encoding.Latin1.GetBytes("chloe@riverside.example,Chlo\u00e9,Other,,,Administrator,\n")).ToArray();

        Assert.Contains("not saved as UTF-8", Read(bytes).FileError);
    }

    [Fact]
    public void A_file_over_one_megabyte_is_refused()
    {
        var bytes = new byte[MaxBytes + 1];
        Array.Fill(bytes, (byte)'a');

        Assert.Contains("1 MB or smaller", Read(bytes).FileError);
    }

    [Fact]
    public void Up_to_5000_people_are_read_and_more_are_refused()
    {
        static byte[] People(int count) => Csv([Header, .. Enumerable.Range(1, count).Select(i => $"p{i}@riverside.example,P {i},Other,,,Administrator,")]);

        Assert.Equal(MaxRows, Read(People(MaxRows)).Rows.Count);
        Assert.Contains("more than 5,000 people", Read(People(MaxRows + 1)).FileError);
    }

    [Fact]
    public void Rows_of_empty_cells_are_not_people()
    {
        var file = Read(Csv(Header, "jo@riverside.example,Jo,Other,,,Administrator,", ",,,,,,", " , ,,,,,"));

        Assert.Single(file.Rows);
    }

    [Fact]
    public void A_row_with_too_few_or_too_many_cells_is_a_problem_of_that_row()
    {
        var file = Read(Csv(Header, "jo@riverside.example,Jo,Other,,,Administrator", "sam@riverside.example,Sam,Other,,,Administrator,,extra"));

        Assert.Null(file.FileError);
        Assert.Contains("6 cells but the header row has 7", file.Rows[0].Problems.Single());
        Assert.Contains("8 cells but the header row has 7", file.Rows[1].Problems.Single());
    }

    [Fact]
    public void Misplaced_quotation_marks_are_a_problem_of_that_row()
    {
        var file = Read(Csv(Header, "jo@riverside.example,Jo \"JB\" Bloggs,Other,,,Administrator,"));

        Assert.Contains("quotation marks", file.Rows.Single().Problems.Single());
    }

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\r\n", lines) + "\r\n");
}

public class UserCsvValidateTests
{
    private const string Header = "email,name,job_role,agency,team,roles,supervisor_email";

    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Hub = Guid.NewGuid();
    private static readonly Guid ClosedTeam = Guid.NewGuid();
    private static readonly Guid Health = Guid.NewGuid();
    private static readonly Guid OldAgency = Guid.NewGuid();
    private static readonly Guid ExistingSupervisor = Guid.NewGuid();

    private static readonly Lookups Riverside = new(
        "Riverside Partnership",
        [
            new AgencyEntry(Police, "Riverside Police", true, [new TeamEntry(Hub, "Exploitation Hub", true), new TeamEntry(ClosedTeam, "Old Team", false)]),
            new AgencyEntry(Health, "Riverside Health", true, []),
            new AgencyEntry(OldAgency, "Closed Agency", false, []),
        ],
        ["taken@riverside.example"],
        new Dictionary<string, Guid> { ["priya.shah@riverside.example"] = ExistingSupervisor });

    [Fact]
    public void Good_rows_become_people_placed_in_their_agency_and_team()
    {
        var result = Check(
            "jo@riverside.example,Jo Bloggs,Social worker,riverside police,EXPLOITATION HUB,learner,priya.shah@RIVERSIDE.example",
            "sam@riverside.example,Sam Lee,SocialWorker,Riverside Health,,Learner;Supervisor,",
            "kim@riverside.example,Kim Ray,Youth worker,Riverside Health,, Learner ; ,SAM@riverside.example",
            "admin@riverside.example,Alex Admin,Other,,,Administrator,");

        Assert.True(result.IsValid);
        Assert.Collection(result.People,
            jo =>
            {
                Assert.Equal((2, "jo@riverside.example", "Jo Bloggs", JobRole.SocialWorker), (jo.Line, jo.Email, jo.Name, jo.JobRole));
                Assert.Equal((Police, Hub), (jo.AgencyId, jo.TeamId));
                Assert.Equal([Roles.Learner], jo.Roles);
                Assert.Equal(ExistingSupervisor, jo.ExistingSupervisorId);
            },
            sam =>
            {
                Assert.Equal(JobRole.SocialWorker, sam.JobRole);
                Assert.Equal((Health, (Guid?)null), (sam.AgencyId, sam.TeamId));
                Assert.Equal([Roles.Learner, Roles.Supervisor], sam.Roles);
                Assert.Null(sam.ExistingSupervisorId);
            },
            kim =>
            {
                Assert.Equal([Roles.Learner], kim.Roles);
                Assert.Equal("SAM@riverside.example", kim.NewSupervisorEmail);
            },
            admin =>
            {
                Assert.Null(admin.AgencyId);
                Assert.Equal([Roles.Administrator], admin.Roles);
            });
    }

    [Theory]
    [InlineData(",Jo,Other,Riverside Police,,Learner,", "email: the cell is empty.")]
    [InlineData("jo@riverside.example,,Other,Riverside Police,,Learner,", "name: the cell is empty.")]
    [InlineData("jo@riverside.example,Jo,,Riverside Police,,Learner,", "job_role: the cell is empty.")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,,,", "roles: the cell is empty.")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,,;,", "roles: the cell has no roles in it.")]
    [InlineData("jo.riverside.example,Jo,Other,Riverside Police,,Learner,", "email: Enter an email address in the right format, like name@example.org.")]
    [InlineData("jo@riverside,Jo,Other,Riverside Police,,Learner,", "email: Enter an email address in the right format, like name@example.org.")]
    [InlineData("TAKEN@riverside.example,Jo,Other,Riverside Police,,Learner,", "email: an account with TAKEN@riverside.example already exists.")]
    [InlineData("jo@riverside.example,Jo,Wizard,Riverside Police,,Learner,", "job_role: \"Wizard\" is not a job role. Use one of: Social worker,")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Fire,,Learner,", "agency: there is no agency called \"Riverside Fire\" in Riverside Partnership.")]
    [InlineData("jo@riverside.example,Jo,Other,Closed Agency,,Learner,", "agency: Closed Agency is inactive.")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Health,Exploitation Hub,Learner,", "team: Riverside Health has no team called \"Exploitation Hub\".")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,Old Team,Learner,", "team: Old Team is inactive.")]
    [InlineData("jo@riverside.example,Jo,Other,,Exploitation Hub,Administrator,", "team: a team needs an agency.")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,,Learner;Wizard,", "roles: \"Wizard\" is not a role.")]
    [InlineData("jo@riverside.example,Jo,Other,,,Learner,", "agency: Learners, supervisors and commissioners must belong to an agency")]
    [InlineData("jo@riverside.example,Jo,Other,,,Administrator;Commissioner,", "agency: Learners, supervisors and commissioners must belong to an agency")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,,Learner,nobody@riverside.example", "supervisor_email: nobody@riverside.example is neither an active supervisor nor a person given the Supervisor role in this file.")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,,Learner,JO@riverside.example", "supervisor_email: A person cannot supervise themselves.")]
    [InlineData("=HYPERLINK(\"x\")@riverside.example,Jo,Other,Riverside Police,,Learner,", "email: the cell starts with \"=\", so a spreadsheet could run it as a formula.")]
    [InlineData("jo@riverside.example,+Jo,Other,Riverside Police,,Learner,", "name: the cell starts with \"+\"")]
    [InlineData("jo@riverside.example,Jo,-Other,Riverside Police,,Learner,", "job_role: the cell starts with \"-\"")]
    [InlineData("jo@riverside.example,Jo,Other,@SUM(A1),,Learner,", "agency: the cell starts with \"@\"")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,\tcmd,Learner,", "team: the cell starts with a tab")]
    [InlineData("jo@riverside.example,Jo,Other,Riverside Police,, =1+1,", "roles: the cell starts with \"=\"")]
    public void A_bad_row_is_reported_with_its_line_and_the_reason(string row, string reason)
    {
        var result = Check("ok@riverside.example,Ok Person,Other,Riverside Police,,Learner,", row);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Line);
        Assert.Contains(problem.Reasons, r => r.StartsWith(reason, StringComparison.Ordinal));
        Assert.Empty(result.People);
    }

    [Fact]
    public void A_long_name_gets_the_domains_message()
    {
        var result = Check($"jo@riverside.example,{new string('J', User.DisplayNameMaxLength + 1)},Other,Riverside Police,,Learner,");

        Assert.Contains("name: The name must be 200 characters or fewer.", result.Problems.Single().Reasons);
    }

    [Fact]
    public void An_email_repeated_in_the_file_is_reported_on_each_later_line()
    {
        var result = Check(
            "jo@riverside.example,Jo,Other,Riverside Police,,Learner,",
            "sam@riverside.example,Sam,Other,Riverside Police,,Learner,",
            "JO@riverside.example,Jo again,Other,Riverside Police,,Learner,",
            "jo@riverside.example,Jo thrice,Other,Riverside Police,,Learner,");

        Assert.Equal([4, 5], result.Problems.Select(p => p.Line));
        Assert.All(result.Problems, p => Assert.Contains(p.Reasons, r => r.EndsWith("is also on line 2.", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_supervisor_in_the_file_must_be_given_the_Supervisor_role_there()
    {
        var result = Check(
            "sam@riverside.example,Sam,Other,Riverside Police,,Learner,",
            "jo@riverside.example,Jo,Other,Riverside Police,,Learner,sam@riverside.example");

        Assert.Equal(3, result.Problems.Single().Line);
    }

    [Fact]
    public void Every_problem_of_a_row_is_listed_and_every_bad_row_is_reported()
    {
        var result = Check(
            "not-an-email,,Wizard,Nowhere,Nothing,Learner;Boss,nobody@riverside.example",
            "ok@riverside.example,Ok,Other,Riverside Police,,Learner,",
            "two@riverside.example,Two,Other,,,Learner,");

        Assert.Equal([2, 4], result.Problems.Select(p => p.Line));
        var reasons = result.Problems[0].Reasons;
        // The team is not looked for in an agency that does not exist.
        Assert.Equal(6, reasons.Count);
        Assert.Contains(reasons, r => r.StartsWith("email:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("job_role:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("agency:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("roles:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("supervisor_email:", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.StartsWith("name: the cell is empty", StringComparison.Ordinal));
        Assert.Empty(result.People);
    }

    [Fact]
    public void Problems_found_while_reading_are_carried_into_the_report()
    {
        var result = Check("jo@riverside.example,Jo,Other,Riverside Police,,Learner");

        Assert.Contains(result.Problems.Single().Reasons, r => r.Contains("6 cells", StringComparison.Ordinal));
    }

    private static Validation Check(params string[] rows)
    {
        var file = Read(Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows])));
        Assert.Null(file.FileError);
        return Validate(file.Rows, Riverside);
    }
}
