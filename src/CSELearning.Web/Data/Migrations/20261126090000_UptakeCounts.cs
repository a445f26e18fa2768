using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

/// <summary>
/// The uptake rows added up (see UptakeCounts and LearningTimeCounts),
/// filled from the rows already held, so a view with no period reads a few thousand counts; the uptake rows' own
/// index becomes two, one for the rows started in a period and one for those completed in it.
/// </summary>
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

        foreach (var sql in Features.Reporting.Tables.ReportTablesSql.FillUptakeCounts(migrationBuilder.ActiveProvider ?? "")) migrationBuilder.Sql(sql);
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
