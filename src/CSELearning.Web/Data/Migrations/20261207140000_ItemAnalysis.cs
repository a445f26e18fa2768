using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// Item analysis: which questions each attempt got right, and the counts of first attempts the page reads. Nothing is
// filled in: an attempt made before this kept only its total, and which questions it got right depends on the
// content of the time, which a migration cannot read, so earlier attempts stay out of the counts.
[DbContext(typeof(AppDbContext))]
[Migration("20261207140000_ItemAnalysis")]
public sealed class ItemAnalysis : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "CorrectQuestions", table: "KnowledgeCheckAttempts", nullable: true);

        migrationBuilder.CreateTable(
            name: "CheckTotalCounts",
            columns: table => new
            {
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                CheckId = table.Column<string>(maxLength: 100, nullable: false),
                Total = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_CheckTotalCounts", x => new { x.ModuleId, x.ModuleVersion, x.CheckId, x.Total }));

        migrationBuilder.CreateTable(
            name: "QuestionTotalCounts",
            columns: table => new
            {
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                CheckId = table.Column<string>(maxLength: 100, nullable: false),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                Total = table.Column<int>(nullable: false),
                Correct = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_QuestionTotalCounts", x => new { x.ModuleId, x.ModuleVersion, x.CheckId, x.QuestionId, x.Total }));

        migrationBuilder.CreateTable(
            name: "OptionChoiceCounts",
            columns: table => new
            {
                ModuleId = table.Column<string>(maxLength: 100, nullable: false),
                ModuleVersion = table.Column<string>(maxLength: 20, nullable: false),
                CheckId = table.Column<string>(maxLength: 100, nullable: false),
                QuestionId = table.Column<string>(maxLength: 100, nullable: false),
                OptionNumber = table.Column<int>(nullable: false),
                Attempts = table.Column<int>(nullable: false),
            },
            constraints: table => table.PrimaryKey("PK_OptionChoiceCounts", x => new { x.ModuleId, x.ModuleVersion, x.CheckId, x.QuestionId, x.OptionNumber }));
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropTable(name: "OptionChoiceCounts");
        migrationBuilder.DropTable(name: "QuestionTotalCounts");
        migrationBuilder.DropTable(name: "CheckTotalCounts");
        migrationBuilder.DropColumn(name: "CorrectQuestions", table: "KnowledgeCheckAttempts");
    }
}
