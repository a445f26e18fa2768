using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// The date a certificate stops being valid, copied from the module's refresh period when it is issued.
[DbContext(typeof(AppDbContext))]
[Migration("20261123090000_CertificateExpiry")]
public sealed class CertificateExpiry : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateOnly>(name: "ValidUntil", table: "Certificates", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ValidUntil", table: "Certificates");
    }
}
