using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// A learner's progress through modules: where they are in each scenario, every choice they made, every
// knowledge-check attempt and answer, and completions.
[DbContext(typeof(AppDbContext))]
[Migration("20261121150000_LearnerProgress")]
public sealed class LearnerProgress : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "ModuleProgress",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                Number = table.Column<int>(nullable: false),
                StartedVersion = table.Column<string>(maxLength: 20, nullable: false),
                StartedContentHash = table.Column<string>(maxLength: 80, nullable: false),
                StartedAt = table.Column<DateTime>(nullable: false),
                LastActivityAt = table.Column<DateTime>(nullable: false),
                ActiveSeconds = table.Column<int>(nullable: false),
                LastSectionId = table.Column<string>(maxLength: 100, nullable: true),
                CompletedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleProgress", x => x.Id);
                table.ForeignKey(
                    name: "FK_ModuleProgress_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ScenarioPositions",
            columns: table => new
            {
                ProgressId = table.Column<Guid>(nullable: false),
                ScenarioId = table.Column<string>(maxLength: 100, nullable: false),
                CurrentNodeId = table.Column<string>(maxLength: 100, nullable: false),
                Playthrough = table.Column<int>(nullable: false),
                Steps = table.Column<int>(nullable: false),
                Revision = table.Column<int>(nullable: false),
                EndingReachedAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScenarioPositions", x => new { x.ProgressId, x.ScenarioId });
                table.ForeignKey(
                    name: "FK_ScenarioPositions_ModuleProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "ModuleProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "ScenarioDecisions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                ScenarioId = table.Column<string>(maxLength: 100, nullable: false),
                Playthrough = table.Column<int>(nullable: false),
                Step = table.Column<int>(nullable: false),
                NodeId = table.Column<string>(maxLength: 100, nullable: false),
                ChoiceNumber = table.Column<int>(nullable: false),
                TargetNodeId = table.Column<string>(maxLength: 100, nullable: false),
                MadeAt = table.Column<DateTime>(nullable: false),
                WithdrawnAt = table.Column<DateTime>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ScenarioDecisions", x => x.Id);
                table.ForeignKey(
                    name: "FK_ScenarioDecisions_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ScenarioDecisions_ModuleProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "ModuleProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "KnowledgeCheckAttempts",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                CheckId = table.Column<string>(maxLength: 100, nullable: false),
                Number = table.Column<int>(nullable: false),
                CorrectCount = table.Column<int>(nullable: false),
                QuestionCount = table.Column<int>(nullable: false),
                ScorePercent = table.Column<int>(nullable: false),
                Passed = table.Column<bool>(nullable: false),
                SubmittedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KnowledgeCheckAttempts", x => x.Id);
                table.ForeignKey(
                    name: "FK_KnowledgeCheckAttempts_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_KnowledgeCheckAttempts_ModuleProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "ModuleProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateTable(
            name: "KnowledgeCheckAnswers",
            columns: table => new
            {
                AttemptId = table.Column<Guid>(nullable: false),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                OptionNumber = table.Column<int>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_KnowledgeCheckAnswers", x => new { x.AttemptId, x.QuestionId, x.OptionNumber });
                table.ForeignKey(
                    name: "FK_KnowledgeCheckAnswers_KnowledgeCheckAttempts_AttemptId",
                    column: x => x.AttemptId,
                    principalTable: "KnowledgeCheckAttempts",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "ModuleCompletions",
            columns: table => new
            {
                Id = table.Column<Guid>(nullable: false),
                ProgressId = table.Column<Guid>(nullable: false),
                UserId = table.Column<Guid>(nullable: false),
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                ContentHash = table.Column<string>(maxLength: 80, nullable: false),
                ScorePercent = table.Column<int>(nullable: false),
                TimeSpentSeconds = table.Column<int>(nullable: false),
                CompletedAt = table.Column<DateTime>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_ModuleCompletions", x => x.Id);
                table.ForeignKey(
                    name: "FK_ModuleCompletions_AspNetUsers_UserId",
                    column: x => x.UserId,
                    principalTable: "AspNetUsers",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
                table.ForeignKey(
                    name: "FK_ModuleCompletions_ModuleProgress_ProgressId",
                    column: x => x.ProgressId,
                    principalTable: "ModuleProgress",
                    principalColumn: "Id",
                    onDelete: ReferentialAction.Restrict);
            });

        migrationBuilder.CreateIndex(
            name: "IX_ModuleProgress_UserId_ModuleId_Number",
            table: "ModuleProgress",
            columns: new[] { "UserId", "ModuleId", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ScenarioDecisions_ModuleId_ScenarioId_NodeId",
            table: "ScenarioDecisions",
            columns: new[] { "ModuleId", "ScenarioId", "NodeId" });

        migrationBuilder.CreateIndex(
            name: "IX_ScenarioDecisions_ProgressId_ScenarioId_Playthrough_Step",
            table: "ScenarioDecisions",
            columns: new[] { "ProgressId", "ScenarioId", "Playthrough", "Step" });

        migrationBuilder.CreateIndex(
            name: "IX_ScenarioDecisions_UserId",
            table: "ScenarioDecisions",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_KnowledgeCheckAttempts_ModuleId_CheckId",
            table: "KnowledgeCheckAttempts",
            columns: new[] { "ModuleId", "CheckId" });

        migrationBuilder.CreateIndex(
            name: "IX_KnowledgeCheckAttempts_ProgressId_CheckId_Number",
            table: "KnowledgeCheckAttempts",
            columns: new[] { "ProgressId", "CheckId", "Number" },
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_KnowledgeCheckAttempts_UserId",
            table: "KnowledgeCheckAttempts",
            column: "UserId");

        migrationBuilder.CreateIndex(
            name: "IX_ModuleCompletions_ModuleId_CompletedAt",
            table: "ModuleCompletions",
            columns: new[] { "ModuleId", "CompletedAt" });

        migrationBuilder.CreateIndex(
            name: "IX_ModuleCompletions_ProgressId",
            table: "ModuleCompletions",
            column: "ProgressId",
            unique: true);

        migrationBuilder.CreateIndex(
            name: "IX_ModuleCompletions_UserId_ModuleId",
            table: "ModuleCompletions",
            columns: new[] { "UserId", "ModuleId" });
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "ModuleCompletions");
        migrationBuilder.DropTable(name: "KnowledgeCheckAnswers");
        migrationBuilder.DropTable(name: "KnowledgeCheckAttempts");
        migrationBuilder.DropTable(name: "ScenarioDecisions");
        migrationBuilder.DropTable(name: "ScenarioPositions");
        migrationBuilder.DropTable(name: "ModuleProgress");
    }
}
