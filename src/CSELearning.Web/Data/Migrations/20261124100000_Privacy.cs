using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// When an administrator erased a person's personal data: an erased account stays closed for good.
[DbContext(typeof(AppDbContext))]
[Migration("20261124100000_Privacy")]
public sealed class Privacy : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<DateTime>(name: "ErasedAt", table: "AspNetUsers", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ErasedAt", table: "AspNetUsers");
    }
}
