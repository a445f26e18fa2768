using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Each time through a scenario to an ending: the ending, its outcome and the first-pass score. Nothing is filled in
// for playthroughs that ended before: their outcomes are in the content of the time, which a migration cannot read.
[DbContext(typeof(AppDbContext))]
[Migration("20261207111000_ScenarioRuns")]
public sealed class ScenarioRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ScenarioRuns",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                ScenarioId = table.Column<string>(maxLength: 100, nullable: false),
                Playthrough = table.Column<int>(nullable: false),
                EndingNodeId = table.Column<string>(maxLength: 100, nullable: false),
                Outcome = table.Column<string>(maxLength: 10, nullable: false),
                ScoredDecisions = table.Column<int>(nullable: false),
                RecommendedDecisions = table.Column<int>(nullable: false),
                EndedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScenarioRuns", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScenarioRuns_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ScenarioRuns_ModuleProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "ModuleProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex(name: "IX_ScenarioRuns_ProgressId_ScenarioId_Playthrough", table: "ScenarioRuns",
            columns: ["ProgressId", "ScenarioId", "Playthrough"], unique: true);
        migrationBuilder.CreateIndex(name: "IX_ScenarioRuns_UserId", table: "ScenarioRuns", column: "UserId");
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ScenarioRuns");
    }
}
