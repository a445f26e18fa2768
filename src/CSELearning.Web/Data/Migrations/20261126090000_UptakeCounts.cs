using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// The uptake rows added up, so a view with no period reads a few thousand counts rather than every row.
[DbContext(typeof(AppDbContext))]
[Migration("20261126090000_UptakeCounts")]
public sealed class UptakeCountsMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_UptakeRows_Report", table: "UptakeRows");
        migrationBuilder.CreateIndex(name: "IX_UptakeRows_Started", table: "UptakeRows",
            columns: ["PartnershipId", "ModuleId", "FirstStartedAt", "AgencyId", "TeamId", "JobRole"]);
        migrationBuilder.CreateIndex(name: "IX_UptakeRows_Completed", table: "UptakeRows",
            columns: ["PartnershipId", "ModuleId", "CompletedAt", "CompletedVersion", "JobRole", "AgencyId", "TeamId", "CompletedMinutes"]);

        migrationBuilder.CreateTable(
            name: "UptakeCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                CompletedVersion = table.Column<string>(maxLength: 20, nullable: false),
                People = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_UptakeCounts",
                x => new { x.PartnershipId, x.ModuleId, x.AgencyId, x.TeamId, x.JobRole, x.CompletedVersion }));
        migrationBuilder.CreateIndex(name: "IX_UptakeCounts_Role", table: "UptakeCounts",
            columns: ["PartnershipId", "ModuleId", "JobRole", "CompletedVersion", "People"]);
        migrationBuilder.CreateIndex(name: "IX_UptakeCounts_Agency", table: "UptakeCounts",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "CompletedVersion", "JobRole", "People"]);
        migrationBuilder.CreateIndex(name: "IX_UptakeCounts_Team", table: "UptakeCounts",
            columns: ["PartnershipId", "ModuleId", "TeamId", "CompletedVersion", "JobRole", "People"]);

        migrationBuilder.CreateTable(
            name: "LearningTimeCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                CompletedVersion = table.Column<string>(maxLength: 20, nullable: false),
                Minutes = table.Column<int>(nullable: false),
                People = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_LearningTimeCounts",
                x => new { x.PartnershipId, x.ModuleId, x.AgencyId, x.TeamId, x.JobRole, x.CompletedVersion, x.Minutes }));
        migrationBuilder.CreateIndex(name: "IX_LearningTimeCounts_Role", table: "LearningTimeCounts",
            columns: ["PartnershipId", "ModuleId", "JobRole", "Minutes", "CompletedVersion", "People"]);
        migrationBuilder.CreateIndex(name: "IX_LearningTimeCounts_Agency", table: "LearningTimeCounts",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "Minutes", "JobRole", "CompletedVersion", "People"]);
        migrationBuilder.CreateIndex(name: "IX_LearningTimeCounts_Team", table: "LearningTimeCounts",
            columns: ["PartnershipId", "ModuleId", "TeamId", "Minutes", "JobRole", "CompletedVersion", "People"]);

        // Filled with the SQL the reporting code ran when this migration was written, copied in: that code goes on
        // changing, and this step must do the same on every database, whenever it runs.
        var emptyGuid = migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? "'00000000-0000-0000-0000-000000000000'::uuid" : "'00000000-0000-0000-0000-000000000000'";
        migrationBuilder.Sql($"""
            INSERT INTO "UptakeCounts" ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "People")
            SELECT "PartnershipId", "ModuleId", "AgencyId", COALESCE("TeamId", {emptyGuid}), "JobRole", COALESCE("CompletedVersion", ''), COUNT(*) FROM "UptakeRows" WHERE "UserId" IS NOT NULL GROUP BY "PartnershipId", "ModuleId", "AgencyId", COALESCE("TeamId", {emptyGuid}), "JobRole", COALESCE("CompletedVersion", '')
            ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion")
            DO UPDATE SET "People" = "UptakeCounts"."People" + excluded."People"
            """);
        migrationBuilder.Sql($"""
            INSERT INTO "LearningTimeCounts" ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "Minutes", "People")
            SELECT "PartnershipId", "ModuleId", "AgencyId", COALESCE("TeamId", {emptyGuid}), "JobRole", COALESCE("CompletedVersion", ''), COALESCE("CompletedMinutes", 0), COUNT(*) FROM "UptakeRows" WHERE "UserId" IS NOT NULL AND "CompletedAt" IS NOT NULL
            GROUP BY "PartnershipId", "ModuleId", "AgencyId", COALESCE("TeamId", {emptyGuid}), "JobRole", COALESCE("CompletedVersion", ''), COALESCE("CompletedMinutes", 0)
            ON CONFLICT ("PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "Minutes")
            DO UPDATE SET "People" = "LearningTimeCounts"."People" + excluded."People"
            """);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "LearningTimeCounts");
        migrationBuilder.DropTable(name: "UptakeCounts");
        migrationBuilder.DropIndex(name: "IX_UptakeRows_Completed", table: "UptakeRows");
        migrationBuilder.DropIndex(name: "IX_UptakeRows_Started", table: "UptakeRows");
        migrationBuilder.CreateIndex(name: "IX_UptakeRows_Report", table: "UptakeRows",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "CompletedMinutes", "FirstStartedAt", "CompletedAt"]);
    }
}
