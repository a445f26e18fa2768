using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Covering indexes for the commissioners' reports, so each grouped query reads an index rather than the rows:
// module starts and completions by module and date, completions by date, and scenario choices by decision
// point. The completions and choices indexes replace the narrower ones they extend.
[DbContext(typeof(AppDbContext))]
[Migration("20261124090000_ReportIndexes")]
public sealed class ReportIndexes : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_ModuleCompletions_ModuleId_CompletedAt", table: "ModuleCompletions");
        migrationBuilder.DropIndex(name: "IX_ScenarioDecisions_ModuleId_ScenarioId_NodeId", table: "ScenarioDecisions");

        migrationBuilder.CreateIndex(name: "IX_ModuleProgress_Report", table: "ModuleProgress",
            columns: ["ModuleId", "StartedAt", "UserId"]);
        migrationBuilder.CreateIndex(name: "IX_ModuleCompletions_Report", table: "ModuleCompletions",
            columns: ["ModuleId", "CompletedAt", "ModuleVersion", "UserId", "TimeSpentSeconds"]);
        migrationBuilder.CreateIndex(name: "IX_ModuleCompletions_Month", table: "ModuleCompletions",
            columns: ["CompletedAt", "ModuleId", "UserId"]);
        migrationBuilder.CreateIndex(name: "IX_ScenarioDecisions_Report", table: "ScenarioDecisions",
            columns: ["ModuleId", "Playthrough", "ScenarioId", "NodeId", "ChoiceNumber", "ModuleVersion", "MadeAt", "UserId"]);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropIndex(name: "IX_ScenarioDecisions_Report", table: "ScenarioDecisions");
        migrationBuilder.DropIndex(name: "IX_ModuleCompletions_Month", table: "ModuleCompletions");
        migrationBuilder.DropIndex(name: "IX_ModuleCompletions_Report", table: "ModuleCompletions");
        migrationBuilder.DropIndex(name: "IX_ModuleProgress_Report", table: "ModuleProgress");

        migrationBuilder.CreateIndex(name: "IX_ScenarioDecisions_ModuleId_ScenarioId_NodeId", table: "ScenarioDecisions", columns: ["ModuleId", "ScenarioId", "NodeId"]);
        migrationBuilder.CreateIndex(name: "IX_ModuleCompletions_ModuleId_CompletedAt", table: "ModuleCompletions", columns: ["ModuleId", "CompletedAt"]);
    }
}
