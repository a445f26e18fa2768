using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// The CPD hours each completion earned, now that a completion short of the module's minimum time earns only
// the time spent. Completions already recorded earned the module's hours: where a certificate was issued, the
// hours it copied then; completions from before certificates have nothing to copy, so they stay null and are
// read as the module's hours as published.
[DbContext(typeof(AppDbContext))]
[Migration("20261207100000_CpdHoursAwarded")]
public sealed class CpdHoursAwarded : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<decimal>(name: "CpdHoursAwarded", table: "ModuleCompletions", precision: 6, scale: 2, nullable: true);
        migrationBuilder.Sql("""
            UPDATE "ModuleCompletions" SET "CpdHoursAwarded" =
                (SELECT c."CpdHours" FROM "Certificates" c WHERE c."CompletionId" = "ModuleCompletions"."Id")
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "CpdHoursAwarded", table: "ModuleCompletions");
    }
}
