using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// The order each question's options were shown in for an attempt. Attempts before this saw them as written: null.
[DbContext(typeof(AppDbContext))]
[Migration("20261207090000_CheckOptionOrder")]
public sealed class CheckOptionOrder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "OptionOrder", table: "KnowledgeCheckAttempts", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "OptionOrder", table: "KnowledgeCheckAttempts");
    }
}
