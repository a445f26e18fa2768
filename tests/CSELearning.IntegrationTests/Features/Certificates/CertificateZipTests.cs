using System.IO.Compression;
using System.Net;
using System.Text;
using CSELearning.IntegrationTests.Infrastructure;
using CSELearning.Web.Features.Shared;
using CSELearning.Tests.Shared;
using CSELearning.Web.Domain;
using CSELearning.Web.Domain.Audit;
using CSELearning.Web.Domain.Certificates;
using CSELearning.Web.Features.Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CSELearning.IntegrationTests.Features.Certificates;

/// <summary>ZIPs of an agency's certificates for commissioners (their own partnership) and administrators (any).</summary>
public abstract class CertificateZipTests(AppFactory factory) : IntegrationTest(factory)
{
    private static DateTime On(int month, int day) => new(2026, month, day, 10, 0, 0, DateTimeKind.Utc);

    private sealed record Arranged(TestData.Organisation Riverside, TestData.Organisation Hillside, User Dev, User Sam,
        IReadOnlyList<Certificate> Wanted, Certificate Revoked, Certificate OutOfRange, Certificate OtherAgency);

    /// <summary>Two partnerships; in Riverside's agency two certificates in March, one in May, one revoked; one in Hillside's in March.</summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var riverside = await Factory.CreateOrganisationAsync();
        var hillside = await Factory.CreateOrganisationAsync("Hillside Partnership");
        var dev = await Factory.CreateUserAsync("dev.patel@riverside.example", riverside, Roles.Learner);
        await Factory.CreateUserAsync("sam.jones@riverside.example", riverside, Roles.Learner);
        // A name that starts like a spreadsheet formula, to show the manifest writes it as text.
        var sam = await Factory.WithDbAsync(async db =>
        {
            var stored = await db.Users.SingleAsync(u => u.Email == "sam.jones@riverside.example");
            stored.UpdateProfile(stored.Email!, "=Sam Jones", stored.JobRole);
            await db.SaveChangesAsync();
            return stored;
        });
        var kim = await Factory.CreateUserAsync("kim.lee@hillside.example", hillside, Roles.Learner);
        var devs = await Factory.IssueCertificatesAsync(dev, On(3, 1), On(5, 1));
        var sams = await Factory.IssueCertificatesAsync(sam, On(3, 31), On(3, 20));
        var kims = await Factory.IssueCertificatesAsync(kim, On(3, 15));
        await Factory.WithDbAsync(async db =>
        {
            (await db.Certificates.SingleAsync(c => c.Id == sams[1].Id)).Revoke(Guid.NewGuid(), "Issued in error", DateTime.UtcNow);
            await db.SaveChangesAsync();
        });
        return new Arranged(riverside, hillside, dev, sam, [devs[0], sams[0]], sams[1], devs[1], kims[0]);
    }

    private static string ZipUrl(Guid agency, string from = "2026-03-01", string to = "2026-03-31") =>
        $"/certificates/download.zip?Query.Agency={agency}&Query.From={from}&Query.To={to}";

    [Fact]
    public async Task An_administrator_downloads_the_agencys_certificates_completed_in_the_range_with_a_manifest()
    {
        var arranged = await ArrangeAsync();
        var admin = await Factory.CreateUserAsync("alex.admin@platform.example", null, Roles.Administrator);
        var client = await Factory.SignedInAsync(admin.Email!);

        var response = await client.GetAsync(ZipUrl(arranged.Riverside.Agency.Id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("certificates-riverside-agency-2026-03-01-to-2026-03-31.zip".Replace("riverside-agency", Slug(arranged.Riverside.Agency.Name), StringComparison.Ordinal),
            response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.True(response.Headers.CacheControl?.NoStore);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal(
            arranged.Wanted.Select(c => $"certificates/certificate-{c.Number}.pdf").Append("manifest.csv").Order(),
            zip.Entries.Select(e => e.FullName).Order());
        foreach (var certificate in arranged.Wanted)
        {
            var text = new PdfFile(Read(zip.GetEntry($"certificates/certificate-{certificate.Number}.pdf")!)).Text;
            Assert.Contains(certificate.LearnerName, text);
            Assert.Contains(certificate.Number, text);
        }

        var manifest = Encoding.UTF8.GetString(Read(zip.GetEntry("manifest.csv")!)).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("number,learner,module,version,completed,status", manifest[0]);
        Assert.Equal(3, manifest.Length);
        var dev = arranged.Wanted[0];
        Assert.Contains($"\"{dev.Number}\",\"{dev.LearnerName}\",\"{dev.ModuleTitle}\",\"{dev.ModuleVersion}\",\"2026-03-01\",\"", manifest[1]);
        // The learner named "=Sam Jones" is written as text, not as a formula.
        Assert.DoesNotContain(",\"=", manifest[2]);
        Assert.Contains(",\"'=", manifest[2]);

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync());
        Assert.Equal((AuditAction.CertificatesDownloaded, admin.Id, arranged.Riverside.Agency.Id), (audit.Action, audit.ActorId, audit.SubjectId));
        Assert.Contains("2026-03-01 to 2026-03-31, 2 certificates", audit.Detail);
    }

    [Fact]
    public async Task A_commissioner_sees_and_downloads_only_the_agencies_of_their_own_partnership()
    {
        var arranged = await ArrangeAsync();
        await Factory.CreateUserAsync("chris.commissioner@riverside.example", arranged.Riverside, Roles.Commissioner);
        var client = await Factory.SignedInAsync("chris.commissioner@riverside.example");

        var form = await client.GetPageAsync("/certificates/download");
        var own = await client.GetAsync(ZipUrl(arranged.Riverside.Agency.Id));
        var other = await client.GetAsync(ZipUrl(arranged.Hillside.Agency.Id));

        Assert.Contains($"value=\"{arranged.Riverside.Agency.Id}\"", form);
        Assert.DoesNotContain(arranged.Hillside.Agency.Id.ToString(), form);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.NotEqual("application/zip", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync())); // the refused request is not a download
    }

    [Fact]
    public async Task An_administrator_may_choose_an_agency_of_any_partnership()
    {
        var arranged = await ArrangeAsync();
        await Factory.CreateUserAsync("alex.admin@platform.example", null, Roles.Administrator);
        var client = await Factory.SignedInAsync("alex.admin@platform.example");

        var form = await client.GetPageAsync("/certificates/download");
        var response = await client.GetAsync(ZipUrl(arranged.Hillside.Agency.Id));

        Assert.Contains($"value=\"{arranged.Riverside.Agency.Id}\"", form);
        Assert.Contains($"value=\"{arranged.Hillside.Agency.Id}\"", form);
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()), ZipArchiveMode.Read);
        Assert.Equal([$"certificates/certificate-{arranged.OtherAgency.Number}.pdf", "manifest.csv"], zip.Entries.Select(e => e.FullName).Order());
    }

    [Theory]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Supervisor)]
    public async Task Learners_and_supervisors_are_forbidden(string role)
    {
        var arranged = await ArrangeAsync();
        await Factory.CreateUserAsync("someone@riverside.example", arranged.Riverside, role);
        var client = await Factory.SignedInAsync("someone@riverside.example");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/certificates/download")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(ZipUrl(arranged.Riverside.Agency.Id))).StatusCode);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Theory]
    [InlineData("", "2026-03-01", "2026-03-31", "Select an agency.")]
    [InlineData("agency", "", "2026-03-31", "Enter the first completion date.")]
    [InlineData("agency", "2026-02-30", "2026-03-31", "The first completion date must be a real date")]
    [InlineData("agency", "0001-01-01", "2026-03-31", "The first completion date must be between 1 January 2000 and 31 December 2099.")]
    [InlineData("agency", "2026-03-01", "9999-12-31", "The last completion date must be between 1 January 2000 and 31 December 2099.")]
    [InlineData("agency", "2026-03-31", "2026-03-01", "The last completion date must be the same as or after the first.")]
    public async Task Wrong_choices_come_back_with_an_error_summary_and_no_download(string agency, string from, string to, string message)
    {
        var arranged = await ArrangeAsync();
        await Factory.CreateUserAsync("chris.commissioner@riverside.example", arranged.Riverside, Roles.Commissioner);
        var client = await Factory.SignedInAsync("chris.commissioner@riverside.example");
        var agencyId = agency == "" ? "" : arranged.Riverside.Agency.Id.ToString();

        var response = await client.GetAsync($"/certificates/download.zip?Query.Agency={agencyId}&Query.From={from}&Query.To={to}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", body);
        Assert.Contains(message, body);
        Assert.Contains("govuk-form-group--error", body);
        Assert.Equal(0, await Factory.WithDbAsync(db => db.AuditEntries.CountAsync()));
    }

    [Fact]
    public async Task The_zip_is_streamed_one_certificate_at_a_time_with_no_content_length()
    {
        var org = await Factory.CreateOrganisationAsync();
        var learner = await Factory.CreateUserAsync("dev.patel@riverside.example", org, Roles.Learner);
        const int count = 100;
        await Factory.IssueCertificatesAsync(learner, Enumerable.Range(0, count).Select(i => On(3, 1).AddHours(i)).ToArray());
        await Factory.CreateUserAsync("alex.admin@platform.example", null, Roles.Administrator);
        var tracker = new RequestTracker();
        using var tracked = Factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IStartupFilter>(tracker)));
        var client = await tracked.SignedInAsync("alex.admin@platform.example");

        using var response = await client.GetAsync(ZipUrl(org.Agency.Id), HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentLength);
        await using var body = await response.Content.ReadAsStreamAsync();
        var first = new byte[4];
        await body.ReadExactlyAsync(first);
        Assert.Equal("PK\u0003\u0004"u8.ToArray(), first); // a local file header: the first entry has arrived

        var rest = new MemoryStream();
        await rest.WriteAsync(first);
        await body.CopyToAsync(rest);
        await tracker.Finished.Task.WaitAsync(TimeSpan.FromSeconds(30));
        rest.Position = 0;
        using var zip = new ZipArchive(rest, ZipArchiveMode.Read);
        Assert.Equal(count + 1, zip.Entries.Count);
        // Sent as it was made: a write to the response for each certificate, none more than a small part of the
        // whole. A ZIP built in memory and then sent would arrive in one or two large writes.
        var writes = tracker.Writes.ToList();
        Assert.Equal(rest.Length, writes.Sum());
        Assert.True(writes.Count >= count, $"{writes.Count} writes for {count} certificates");
        Assert.True(writes.Max() < rest.Length / 20, $"a single write of {writes.Max()} bytes of {rest.Length}");
    }

    /// <summary>Records the size of every write a ZIP request makes to its response, and when the request is done.</summary>
    private sealed class RequestTracker : IStartupFilter
    {
        public TaskCompletionSource Finished { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public System.Collections.Concurrent.ConcurrentQueue<long> Writes { get; } = new();

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, inner) =>
            {
                if (context.Request.Path.Value?.EndsWith(".zip", StringComparison.Ordinal) != true)
                {
                    await inner(context);
                    return;
                }
                var original = context.Response.Body;
                context.Response.Body = new WriteRecorder(original, Writes);
                try { await inner(context); }
                finally
                {
                    context.Response.Body = original;
                    Finished.TrySetResult();
                }
            });
            next(app);
        };
    }

    private sealed class WriteRecorder(Stream inner, System.Collections.Concurrent.ConcurrentQueue<long> writes) : Stream
    {
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            writes.Enqueue(buffer.Length);
            return inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("The response was written synchronously.");
        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
        public override void Flush() => throw new InvalidOperationException("The response was flushed synchronously.");
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }

    [Fact]
    public void Manifest_cells_that_start_like_a_formula_are_written_as_text()
    {
        Assert.Equal("\"'=HYPERLINK(\"\"x\"\")\"", Csv.Cell("=HYPERLINK(\"x\")", quoted: true));
        Assert.Equal("\"'+1\",\"'-1\",\"'@SUM(A1)\",\"Plain, text\"\r\n", Csv.Row(quoted: true, "+1", "-1", "@SUM(A1)", "Plain, text"));
    }

    private static byte[] Read(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string Slug(string name) => System.Text.RegularExpressions.Regex.Replace(name.ToLowerInvariant(), "[^a-z0-9]+", "-").Trim('-');
}

public sealed class CertificateZipTestsOnSqlite(SqliteAppFactory factory) : CertificateZipTests(factory), IClassFixture<SqliteAppFactory>;
public sealed class CertificateZipTestsOnPostgres(PostgresAppFactory factory) : CertificateZipTests(factory), IClassFixture<PostgresAppFactory>;
