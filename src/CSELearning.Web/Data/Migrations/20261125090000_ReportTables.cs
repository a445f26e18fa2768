using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

/// <summary>
/// The reporting tables the commissioners' dashboards read (see the reporting tables), filled from the
/// learning records already held; the covering indexes the dashboards read before go, as nothing reads them now
/// and every scenario choice, start and completion paid to keep them.
/// </summary>
[DbContext(typeof(AppDbContext))]
[Migration("20261125090000_ReportTables")]
public sealed class ReportTablesMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_ScenarioDecisions_Report", table: "ScenarioDecisions");
        migrationBuilder.DropIndex(name: "IX_ModuleCompletions_Report", table: "ModuleCompletions");
        migrationBuilder.DropIndex(name: "IX_ModuleProgress_Report", table: "ModuleProgress");

        migrationBuilder.CreateTable(
            name: "UptakeRows",
            columns: table => new
            {
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                PartnershipId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                TeamId = table.Column<Guid>(nullable: true),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                FirstStartedAt = table.Column<DateTime>(nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
                CompletedVersion = table.Column<string>(maxLength: 20, nullable: true),
                CompletedMinutes = table.Column<int>(nullable: true),
            },
            constraints: table => table.PrimaryKey("PK_UptakeRows", x => new { x.UserId, x.ModuleId }));
        migrationBuilder.CreateIndex(name: "IX_UptakeRows_Report", table: "UptakeRows",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "TeamId", "JobRole", "CompletedVersion", "CompletedMinutes", "FirstStartedAt", "CompletedAt"]);

        migrationBuilder.CreateTable(
            name: "ChoiceCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                ScenarioId = table.Column<string>(maxLength: 100, nullable: false),
                NodeId = table.Column<string>(maxLength: 100, nullable: false),
                ChoiceNumber = table.Column<int>(nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                Day = table.Column<DateOnly>(nullable: false),
                People = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_ChoiceCounts",
                x => new { x.PartnershipId, x.ModuleId, x.AgencyId, x.JobRole, x.ScenarioId, x.NodeId, x.ChoiceNumber, x.ModuleVersion, x.Day }));
        migrationBuilder.CreateIndex(name: "IX_ChoiceCounts_Report", table: "ChoiceCounts",
            columns: ["PartnershipId", "ModuleId", "AgencyId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", "People"]);
        migrationBuilder.CreateIndex(name: "IX_ChoiceCounts_Role", table: "ChoiceCounts",
            columns: ["PartnershipId", "ModuleId", "JobRole", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "Day", "AgencyId", "People"]);

        migrationBuilder.CreateTable(
            name: "CompletionCounts",
            columns: table => new
            {
                PartnershipId = table.Column<Guid>(nullable: false),
                AgencyId = table.Column<Guid>(nullable: false),
                JobRole = table.Column<string>(maxLength: 40, nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                Month = table.Column<DateOnly>(nullable: false),
                Completions = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CompletionCounts", x => new { x.PartnershipId, x.AgencyId, x.JobRole, x.ModuleId, x.Month }));
        migrationBuilder.CreateIndex(name: "IX_CompletionCounts_Report", table: "CompletionCounts",
            columns: ["PartnershipId", "Month", "AgencyId", "JobRole", "ModuleId", "Completions"]);

        // The Learner role's name written in, as a migration takes no parameters.
        foreach (var sql in Features.Reporting.Tables.ReportTablesSql.RebuildAll(migrationBuilder.ActiveProvider ?? "", uptakeCounts: false))
            migrationBuilder.Sql(sql.Replace("{0}", "'" + Domain.Roles.Learner + "'", StringComparison.Ordinal));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "CompletionCounts");
        migrationBuilder.DropTable(name: "ChoiceCounts");
        migrationBuilder.DropTable(name: "UptakeRows");

        migrationBuilder.CreateIndex(name: "IX_ModuleProgress_Report", table: "ModuleProgress", columns: ["ModuleId", "StartedAt", "UserId"]);
        migrationBuilder.CreateIndex(name: "IX_ModuleCompletions_Report", table: "ModuleCompletions",
            columns: ["ModuleId", "CompletedAt", "ModuleVersion", "UserId", "TimeSpentSeconds"]);
        migrationBuilder.CreateIndex(name: "IX_ScenarioDecisions_Report", table: "ScenarioDecisions",
            columns: ["ModuleId", "Playthrough", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "MadeAt", "UserId"]);
    }
}
