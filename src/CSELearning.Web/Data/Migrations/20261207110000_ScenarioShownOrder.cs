using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace CSELearning.Web.Data.Migrations;

// The order a node's choices were shown in, now that they are shuffled. Decisions made before stay empty: they were
// shown in the order written.
[DbContext(typeof(AppDbContext))]
[Migration("20261207110000_ScenarioShownOrder")]
public sealed class ScenarioShownOrder : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "ShownOrder", table: "ScenarioDecisions", nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumn(name: "ShownOrder", table: "ScenarioDecisions");
    }
}
