using System.Text;
using CSELearning.Web.Domain;
using CSELearning.Web.Features.Administration.Users;
using CsvHelper;

namespace CSELearning.Web.Features.Administration.Import;

// Checks without touching the database, and reports every problem in every row, so that a file is fixed in one go.
public static class UserCsv
{
    public const int MaxBytes = 1024 * 1024;
    public const int MaxRows = 5000;

    public const string Email = "email";
    public const string Name = "name";
    public const string JobRoleColumn = "job_role";
    public const string Agency = "agency";
    public const string Team = "team";
    public const string RolesColumn = "roles";
    public const string SupervisorEmail = "supervisor_email";

    public static IReadOnlyList<string> Columns { get; } = [Email, Name, JobRoleColumn, Agency, Team, RolesColumn, SupervisorEmail];

    private static readonly string[] Required = [Email, Name, JobRoleColumn, RolesColumn];

    // Characters that make a spreadsheet treat a cell as a formula (and tab and carriage return, which can hide one).
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Cells, IReadOnlyList<string> Problems)
    {
        public string this[string column] => Cells.TryGetValue(column, out var value) ? value.Trim() : "";
    }

    public sealed record ReadResult(string? FileError, IReadOnlyList<Row> Rows);

    public sealed record TeamEntry(Guid Id, string Name, bool IsActive);

    public sealed record AgencyEntry(Guid Id, string Name, bool IsActive, IReadOnlyList<TeamEntry> Teams);

    // ActiveSupervisors: by email address.
    public sealed record Lookups(
        string PartnershipName, IReadOnlyList<AgencyEntry> Agencies, IReadOnlyCollection<string> ExistingEmails,
        IReadOnlyDictionary<string, Guid> ActiveSupervisors);

    public sealed record Person(
        int Line, string Email, string Name, JobRole JobRole, Guid? AgencyId, Guid? TeamId, IReadOnlyList<string> Roles,
        Guid? ExistingSupervisorId, string? NewSupervisorEmail);

    public sealed record RowProblems(int Line, IReadOnlyList<string> Reasons);

    public sealed record Validation(IReadOnlyList<Person> People, IReadOnlyList<RowProblems> Problems)
    {
        public bool IsValid => Problems.Count == 0;
    }

    public static ReadResult Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (bytes.Length > MaxBytes) return Fail("The selected file must be 1 MB or smaller. Split it into smaller files.");

        string text;
        try
        {
            var bom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, bom, bytes.Length - bom);
        }
        catch (DecoderFallbackException)
        {
            return Fail("The selected file is not saved as UTF-8 text. In Excel, save it as \"CSV UTF-8 (Comma delimited)\".");
        }
        if (string.IsNullOrWhiteSpace(text)) return Fail("The selected file is empty.");

        var malformed = new Dictionary<long, string>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            HasHeader = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            OnMalformedRecord = record => malformed.TryAdd(record.LineNumber, record.Reason switch
            {
                CsvMalformedReason.UnterminatedQuote => "A quoted cell is never closed: check the quotation marks on this row.",
                _ => "The quotation marks on this row are in the wrong place: a cell that contains a quotation mark must be wrapped in quotation marks, with the inner ones doubled.",
            }),
        };
        using var reader = CsvReader.FromText(text, options);

        var headers = reader.Headers.Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (HeaderError(headers) is { } headerError) return Fail(headerError);

        var rows = new List<Row>();
        while (reader.Read())
        {
            var cells = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++) cells[headers[i]] = i < reader.FieldCount ? TextInput.Normalise(reader.GetString(i)) : "";
            // Spreadsheets often save trailing rows of empty cells: they are not people.
            if (cells.Values.All(string.IsNullOrWhiteSpace) && reader.FieldCount <= headers.Count) continue;
            if (rows.Count == MaxRows) return Fail($"The file has more than {MaxRows:N0} people. Split it into files of {MaxRows:N0} rows or fewer.");

            var line = (int)reader.LineNumber;
            var problems = new List<string>();
            if (reader.FieldCount != headers.Count)
                problems.Add($"The row has {reader.FieldCount} cells but the header row has {headers.Count}.");
            if (malformed.TryGetValue(reader.LineNumber, out var quoting)) problems.Add(quoting);
            rows.Add(new Row(line, cells, problems));
        }
        if (rows.Count == 0) return Fail("The file has a header row but no people. Add a row for each person under the header row.");
        return new ReadResult(null, rows);

        static ReadResult Fail(string error) => new(error, []);
    }

    private static string? HeaderError(List<string> headers)
    {
        var missing = Columns.Where(c => !headers.Contains(c)).ToList();
        var unexpected = headers.Where(h => !Columns.Contains(h)).Select(h => h.Length == 0 ? "(a column with no name)" : h).Distinct().ToList();
        var repeated = headers.Where(Columns.Contains).GroupBy(h => h).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (missing.Count == 0 && unexpected.Count == 0 && repeated.Count == 0) return null;

        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"missing: {string.Join(", ", missing)}");
        if (unexpected.Count > 0) parts.Add($"not expected: {string.Join(", ", unexpected)}");
        if (repeated.Count > 0) parts.Add($"more than once: {string.Join(", ", repeated)}");
        return $"The header row must have the columns {string.Join(",", Columns)} ({string.Join("; ", parts)}).";
    }

    public static IReadOnlyList<string> EmailsIn(IEnumerable<Row> rows) =>
        rows.Select(r => r[Email]).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static IReadOnlyList<string> SupervisorEmailsIn(IEnumerable<Row> rows) =>
        rows.Select(r => r[SupervisorEmail]).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static Validation Validate(IReadOnlyList<Row> rows, Lookups lookups)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(lookups);
        var existing = new HashSet<string>(lookups.ExistingEmails, StringComparer.OrdinalIgnoreCase);
        var supervisors = new Dictionary<string, Guid>(lookups.ActiveSupervisors, StringComparer.OrdinalIgnoreCase);
        var agencies = lookups.Agencies.GroupBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);

        var firstLine = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var supervisorsInFile = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            var email = row[Email];
            if (email.Length == 0 || !firstLine.TryAdd(email, row.Line)) continue;
            if (ParseRoles(row[RolesColumn]).Roles.Contains(Roles.Supervisor)) supervisorsInFile.Add(email);
        }

        var people = new List<Person>();
        var problems = new List<RowProblems>();
        foreach (var row in rows)
        {
            var reasons = new List<string>(row.Problems);
            var refused = Columns.Where(c => IsFormula(row.Cells.GetValueOrDefault(c, ""))).ToHashSet();
            foreach (var column in refused)
                reasons.Add($"{column}: the cell starts with {FormulaStart(row.Cells[column])}, so a spreadsheet could run it as a formula. Remove that character.");
            // Every cell is one line of text, held to the same rule as the form's fields. A refused cell (a formula,
            // or text the rule refuses) is read as empty below, so its characters are never echoed in another message.
            foreach (var column in Columns.Where(c => !refused.Contains(c)))
            {
                if (TextInput.Problem(row[column], "The cell", TextShape.SingleLine) is not { } problem) continue;
                reasons.Add($"{column}: {problem}");
                refused.Add(column);
            }
            foreach (var column in Required.Where(c => !refused.Contains(c) && row[c].Length == 0))
                reasons.Add($"{column}: the cell is empty.");
            string Cell(string column) => refused.Contains(column) ? "" : row[column];

            var email = Cell(Email);
            if (email.Length > 0)
            {
                if (PersonRules.EmailError(email) is { } emailError) reasons.Add($"{Email}: {emailError}");
                else if (existing.Contains(email)) reasons.Add($"{Email}: an account with {email} already exists.");
                else if (firstLine[email] != row.Line) reasons.Add($"{Email}: {email} is also on line {firstLine[email]}.");
            }

            var name = Cell(Name);
            if (name.Length > 0 && PersonRules.NameError(name) is { } nameError) reasons.Add($"{Name}: {nameError}");

            var jobRole = default(JobRole);
            var jobRoleText = Cell(JobRoleColumn);
            if (jobRoleText.Length > 0 && !EnumDisplay.TryParseDisplay(jobRoleText, out jobRole))
                reasons.Add($"{JobRoleColumn}: \"{jobRoleText}\" is not a job role. Use one of: {PersonRules.JobRoleList}.");

            var (roles, unknownRoles) = ParseRoles(Cell(RolesColumn));
            if (Cell(RolesColumn).Length > 0 && roles.Count == 0 && unknownRoles.Count == 0)
                reasons.Add($"{RolesColumn}: the cell has no roles in it.");
            foreach (var unknown in unknownRoles)
                reasons.Add($"{RolesColumn}: \"{unknown}\" is not a role. Use {string.Join(", ", Roles.All)}, separated by semicolons.");

            var agencyName = Cell(Agency);
            AgencyEntry? agency = null;
            if (agencyName.Length == 0)
            {
                if (PersonRules.NeedsAgency(roles) && !refused.Contains(Agency)) reasons.Add($"{Agency}: {PersonRules.NeedsAgencyMessage}");
            }
            else if (!agencies.TryGetValue(agencyName, out agency))
            {
                reasons.Add($"{Agency}: there is no agency called \"{agencyName}\" in {lookups.PartnershipName}.");
            }
            else if (!agency.IsActive)
            {
                reasons.Add($"{Agency}: {agency.Name} is inactive.");
            }

            var teamName = Cell(Team);
            TeamEntry? team = null;
            if (teamName.Length > 0)
            {
                if (agencyName.Length == 0)
                    reasons.Add($"{Team}: a team needs an agency. Enter the agency the team belongs to.");
                else if (agency is not null && (team = agency.Teams.FirstOrDefault(t => string.Equals(t.Name, teamName, StringComparison.OrdinalIgnoreCase))) is null)
                    reasons.Add($"{Team}: {agency.Name} has no team called \"{teamName}\".");
                else if (team is { IsActive: false })
                    reasons.Add($"{Team}: {team.Name} is inactive.");
            }

            var supervisorEmail = Cell(SupervisorEmail);
            Guid? existingSupervisor = null;
            string? newSupervisor = null;
            if (supervisorEmail.Length > 0)
            {
                if (string.Equals(supervisorEmail, email, StringComparison.OrdinalIgnoreCase))
                    reasons.Add($"{SupervisorEmail}: A person cannot supervise themselves.");
                else if (supervisors.TryGetValue(supervisorEmail, out var supervisorId))
                    existingSupervisor = supervisorId;
                else if (supervisorsInFile.Contains(supervisorEmail))
                    newSupervisor = supervisorEmail;
                else
                    reasons.Add($"{SupervisorEmail}: {supervisorEmail} is neither an active supervisor nor a person given the Supervisor role in this file.");
            }

            if (reasons.Count > 0)
                problems.Add(new RowProblems(row.Line, reasons));
            else
                people.Add(new Person(row.Line, email, name, jobRole, agency?.Id, team?.Id, roles, existingSupervisor, newSupervisor));
        }
        return new Validation(problems.Count == 0 ? people : [], problems);
    }

    private static bool IsFormula(string cell) => FormulaStart(cell) is not null;

    private static string? FormulaStart(string cell)
    {
        var trimmed = cell.TrimStart(' ');
        if (trimmed.Length == 0 || !FormulaStarts.Contains(trimmed[0])) return null;
        return trimmed[0] switch
        {
            '\t' => "a tab",
            '\r' => "a carriage return",
            var c => $"\"{c}\"",
        };
    }

    private static (List<string> Roles, List<string> Unknown) ParseRoles(string cell)
    {
        var roles = new List<string>();
        var unknown = new List<string>();
        foreach (var part in cell.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Roles.Canonical(part) is { } role)
            {
                if (!roles.Contains(role)) roles.Add(role);
            }
            else
            {
                unknown.Add(part);
            }
        }
        return (roles, unknown);
    }
}
